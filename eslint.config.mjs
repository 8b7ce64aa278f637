// @ts-check
// `npm run lint`: ESLint's and typescript-eslint's recommended rules, the type-aware ones included, over every
// TypeScript file the compiler sees (tsconfig.json). Formatting is Prettier's job (.prettierrc.json).
// A rule turned off below says why; a single exception in the code is an `eslint-disable-next-line <rule> -- <why>`.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  comments.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Every exception says why, after `--`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // Feature sets are classes of any shape and nodes are their methods: `Function` is the honest type of a
      // class or method used as a key or read for its source (TypeScript's own decorator types use it too).
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // `async` without `await` is how a node, an adapter hook or an executor declares that it returns a promise.
      '@typescript-eslint/require-await': 'off',
      // Passing on a caught value as it came (unknown) is not inventing a non-Error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `_name`: a parameter an interface requires, or a value only its type matters for.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // A `let` that a hook reads before the value it watches exists (declared first, assigned once later).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `{}` only through `NoNodes` (lib/driver/typed-outputs.ts): the identity of the node-type intersection.
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: '^NoNodes$' }],
    },
  },
  {
    files: ['spec/**/*.ts'],
    rules: {
      // Specs call the API untyped on purpose, as plain JavaScript does, and read JSON bodies; their assertions
      // check those values at run time.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fault injection: nodes throw and reject with strings, symbols, undefined and hostile objects.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // Specs compare methods by identity and hand them to decorators by hand; none is called unbound.
      '@typescript-eslint/unbound-method': 'off',
      // Assertion labels print hostile values (null-prototype objects, proxies) as String() does.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['spec/**/*.ts', 'benchmarks/**/*.ts'],
    rules: {
      // Large and random feature sets are compiled from generated source, since parameter names are their edges.
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);

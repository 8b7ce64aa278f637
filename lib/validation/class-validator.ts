import type * as ClassValidator from 'class-validator';

let loaded: typeof ClassValidator | undefined;

/**
 * class-validator, loaded on first use (a schema check or a `schema` option): most graphs never validate a
 * schema, so `import 'hamilton-ts'` stays light. The app's own import of class-validator is the same module,
 * so its decorators' rules are found.
 */
export function classValidator(): typeof ClassValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('class-validator') as typeof ClassValidator);
}

import type * as ClassValidator from 'class-validator';
import { Messages } from '../constants/messages.js';
import { requireOptional } from '../errors/optional-package.js';

let loaded: typeof ClassValidator | undefined;

/**
 * class-validator, loaded on first use (a schema check or a `schema` option): most graphs never validate a
 * schema, so `import 'hamilton-ts'` stays light. The app's own import of class-validator is the same module,
 * so its decorators' rules are found. It is an optional peer dependency: without it this throws a
 * `MissingPackageError` saying what to install.
 */
export function classValidator(): typeof ClassValidator {
  return (loaded ??= requireOptional<typeof ClassValidator>('class-validator', Messages.optionalPackage.classValidatorFor));
}

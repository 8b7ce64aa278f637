import type * as ClassValidator from 'class-validator';
import { Messages } from '../constants/messages.js';
import { isNotInstalled, MissingPackageError } from '../errors/optional-package.js';

let loaded: typeof ClassValidator | undefined;

/**
 * class-validator, loaded on first use (a schema check or a `schema` option): most graphs never validate a
 * schema, so `import 'hamilton-ts'` stays light. The app's own import of class-validator is the same module,
 * so its decorators' rules are found. It is an optional peer dependency: without it this throws a
 * `MissingPackageError` saying what to install.
 */
export function classValidator(): typeof ClassValidator {
  if (loaded !== undefined) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (loaded = require('class-validator') as typeof ClassValidator);
  } catch (error) {
    if (!isNotInstalled(error, 'class-validator')) throw error;
    const { classValidatorFor, plainInstall } = Messages.optionalPackage;
    throw new MissingPackageError('class-validator', classValidatorFor, plainInstall('class-validator'), error);
  }
}

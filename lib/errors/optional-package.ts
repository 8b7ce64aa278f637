import { Messages } from '../constants/messages.js';
import { HamiltonError } from './index.js';

/**
 * A package hamilton-ts needs only for one feature (danfojs, class-validator, Graphviz WASM) is an optional
 * peer dependency: an install of hamilton-ts alone stays small, and the first use of the feature without it
 * gets this error, naming the package and how to install it.
 */
export class MissingPackageError extends HamiltonError {
  constructor(
    readonly packageName: string,
    neededFor: string,
    install: string,
    cause?: unknown,
  ) {
    super(Messages.optionalPackage.missing(packageName, neededFor, install), { cause });
  }
}

/** Whether `error` is Node's "cannot find" for `name` itself (not for a file the package failed to load). */
export function isNotInstalled(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  const message = String((error as { message?: unknown }).message);
  return message.includes(`'${name}'`) || message.includes(`"${name}"`) || message.includes(`package '${name}'`);
}

/**
 * `require(name)`, or a `MissingPackageError` saying that `neededFor` needs it when it is not installed (any
 * other failure of the package to load is rethrown as it is). For CommonJS packages; callers cache the result.
 */
export function requireOptional<T>(name: string, neededFor: string, install = Messages.optionalPackage.plainInstall(name)): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, by a name known only at run time
    return require(name) as T;
  } catch (error) {
    if (!isNotInstalled(error, name)) throw error;
    throw new MissingPackageError(name, neededFor, install, error);
  }
}

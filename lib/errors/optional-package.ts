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

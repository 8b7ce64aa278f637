import { HamiltonError } from '../errors/index.js';

/** A command line that cannot be served: a bad option value, a module that does not load. */
export class CliUsageError extends HamiltonError {}

/** One line for stderr: the message's lines joined (after a colon by a space, otherwise by `; `). */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.reduce((joined, line) => (joined === '' ? line : `${joined}${joined.endsWith(':') ? ' ' : '; '}${line}`), '');
}

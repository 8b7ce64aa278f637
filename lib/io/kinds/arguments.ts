import { HamiltonError } from '../../errors/index.js';
import { describeValue } from '../../metadata/value-types.js';
import { IoMessages } from '../messages.js';

/** A string argument a kind needs (`path`, `table`), checked when the load or save runs. */
export function stringArgument(args: Readonly<Record<string, unknown>>, key: string, use: string, example: string): string {
  const value = args[key];
  if (value === undefined) throw new HamiltonError(IoMessages.missingArgument(use, key, example));
  if (typeof value !== 'string' || value.length === 0) throw new HamiltonError(IoMessages.badName(use, key, describeValue(value)));
  return value;
}

/** An optional string argument. */
export function optionalString(args: Readonly<Record<string, unknown>>, key: string, use: string): string | undefined {
  const value = args[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new HamiltonError(IoMessages.badName(use, key, describeValue(value)));
  return value;
}

import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';

/** Picture and catalog options whose values have one type; the lineage code reads them as such. */
const OPTION_TYPES: Readonly<Record<string, 'boolean' | 'string' | 'function' | 'object'>> = {
  hideInputs: 'boolean',
  showLegend: 'boolean',
  showTypes: 'boolean',
  bypassValidation: 'boolean',
  customStyle: 'function',
  customStyleLegend: 'string',
  graphAttributes: 'object',
  orient: 'string',
  file: 'string',
  root: 'string',
  title: 'string',
  inputs: 'object',
  overrides: 'object',
};

/**
 * The options object of a picture, catalog or explorer method, checked before the lineage code reads it:
 * plain JavaScript can pass `null`, a number, or `{ showLegend: 'no' }`, which would otherwise surface as a
 * TypeError deep in the rendering. Absent is `{}`; keys this check does not know are left to the method.
 */
export function lineageOptions<T extends object>(method: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new HamiltonError(Messages.arguments.lineageOptionsNotObject(method, describeValue(options)));
  }
  for (const [key, type] of Object.entries(OPTION_TYPES)) {
    const value: unknown = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const fits = type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === type;
    if (!fits) throw new HamiltonError(Messages.arguments.lineageOptionType(method, key, type, describeValue(value)));
  }
  return options;
}

/** The `(...names, options?)` arguments of `displayUpstreamOf` / `displayDownstreamOf`, options checked. */
export function namesThenOptions<T extends object>(method: string, args: readonly unknown[]): [string[], T] {
  const last = args[args.length - 1];
  const hasOptions = args.length > 0 && typeof last !== 'string';
  const names = (hasOptions ? args.slice(0, -1) : args) as string[];
  return [names, lineageOptions<T>(method, hasOptions && last !== undefined ? (last as T) : undefined)];
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';

/** A column to extract: its name, or `[name, doc]`. */
export type ColumnSpec = string | readonly [name: string, doc: string];

/** Options of `@extractColumns`, given as the last argument. */
export interface ExtractColumnsOptions {
  /** Value for a column the frame lacks at run time (otherwise that is an error). */
  readonly fillWith?: unknown;
}

/** What `@extractColumns` records. */
export interface ExtractColumnsArgs {
  readonly columns: readonly { readonly name: string; readonly doc?: string }[];
  readonly fillWith?: unknown;
  readonly hasFill: boolean;
}

/**
 * The method returns a DataFrame; each listed column becomes a Series node of that name, depending on the
 * frame node (which stays a node, computed once however many columns are used).
 *
 * @example
 * @extractColumns('budget', 'age', 'gender', 'clientId')
 * surveyResults(client: Db): DataFrame { ... }
 */
export function extractColumns(...args: [...columns: ColumnSpec[], options: ExtractColumnsOptions] | ColumnSpec[]): MethodDecorator {
  const last = args[args.length - 1];
  const hasOptions = last !== undefined && last !== null && typeof last === 'object' && !Array.isArray(last);
  const options = checkedOptions<ExtractColumnsOptions>('extractColumns', hasOptions ? last : undefined, ['fillWith'], '{ fillWith: 0 }');
  const specs = (hasOptions ? args.slice(0, -1) : args) as ColumnSpec[];
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('extractColumns', problem));
  if (specs.length === 0) throw fail('name at least one column.');
  const columns = specs.map((spec) => {
    if (typeof spec === 'string' && spec.length > 0) return { name: spec };
    if (Array.isArray(spec) && spec.length === 2 && typeof spec[0] === 'string' && spec[0].length > 0 && typeof spec[1] === 'string') {
      return { name: spec[0], doc: spec[1] };
    }
    throw fail(`each column is a name or a [name, doc] pair, got ${describe(spec)} (spread a list: ...columns).`);
  });
  const names = columns.map((c) => c.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) throw fail(`column '${repeated}' is listed twice.`);
  const record: ExtractColumnsArgs = { columns, fillWith: options.fillWith, hasFill: 'fillWith' in options };
  return recordingDecorator(DecoratorKind.extractColumns, record);
}

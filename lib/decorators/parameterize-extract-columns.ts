import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import type { ParameterBindings } from './parameterize.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isParameterRef, type ParameterRef } from './refs.js';
import { isObjectLiteral } from './step.js';
import { describe } from './tag-rules.js';

/** One parameterization (Hamilton's `ParameterizedExtract`): the bindings, and the columns to extract as nodes. */
export interface ParameterizedExtract {
  /** Node names for the frame's columns, in column order. */
  readonly outputs: readonly string[];
  readonly inputMapping: Readonly<Record<string, ParameterRef>>;
}

/** Options of `@parameterizeExtractColumns`, given as the last argument. */
export interface ParameterizeExtractColumnsOptions {
  /** Rename the frame's columns to `outputs` before extracting (default `true`, as in Hamilton). */
  readonly reassignColumns?: boolean;
}

/** What `@parameterizeExtractColumns` records. */
export interface ParameterizeExtractColumnsArgs {
  readonly extracts: readonly { readonly outputs: readonly string[]; readonly bindings: ParameterBindings }[];
  readonly reassignColumns: boolean;
}

/**
 * `@parameterize` then `@extractColumns`, once per entry (Hamilton's `parameterize_extract_columns`): the
 * method, returning a DataFrame, runs once per `inputMapping` as node `<method>__<i>`, and its columns become
 * the nodes `outputs` names (the columns are renamed to them first unless `reassignColumns` is false).
 *
 * @example
 * @parameterizeExtractColumns(
 *   { outputs: ['sumA', 'productA'], inputMapping: { x: source('a1'), y: source('a2') } },
 *   { outputs: ['sumB', 'productB'], inputMapping: { x: source('b1'), y: value(10) } },
 * )
 * combos(x: Series, y: Series): DataFrame { ... }
 */
export function parameterizeExtractColumns(
  ...args: [...extracts: ParameterizedExtract[], options: ParameterizeExtractColumnsOptions] | ParameterizedExtract[]
): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('parameterizeExtractColumns', problem));
  const last = args[args.length - 1];
  const hasOptions = isObjectLiteral(last) && !('outputs' in last) && !('inputMapping' in last);
  const options = checkedOptions<ParameterizeExtractColumnsOptions>(
    'parameterizeExtractColumns',
    hasOptions ? last : undefined,
    ['reassignColumns'],
    '{ reassignColumns: false }',
  );
  if (options.reassignColumns !== undefined && typeof options.reassignColumns !== 'boolean') {
    throw fail(Messages.decoratorOptions.notAnObject('reassignColumns', describe(options.reassignColumns), 'true'));
  }
  const entries: unknown[] = hasOptions ? args.slice(0, -1) : args;
  if (entries.length === 0) throw fail(Messages.parameterizeExtract.noExtracts);
  const extracts = entries.map((entry, position) => {
    if (!isObjectLiteral(entry) || !isObjectLiteral(entry.inputMapping))
      throw fail(Messages.parameterizeExtract.badExtract(position, describe(entry)));
    const outputs = entry.outputs;
    if (!Array.isArray(outputs) || outputs.length === 0 || !outputs.every((o) => typeof o === 'string' && o.length > 0)) {
      throw fail(Messages.parameterizeExtract.badOutputs(position));
    }
    for (const [parameter, ref] of Object.entries(entry.inputMapping)) {
      if (!isParameterRef(ref)) throw fail(Messages.inject.notARef(parameter, describe(ref)));
    }
    return Object.freeze({
      outputs: Object.freeze([...(outputs as string[])]),
      bindings: Object.freeze({ ...(entry.inputMapping as ParameterBindings) }),
    });
  });
  return recordingDecorator<ParameterizeExtractColumnsArgs>(DecoratorKind.parameterizeExtractColumns, {
    extracts,
    reassignColumns: options.reassignColumns ?? true,
  });
}

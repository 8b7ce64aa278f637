import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isObjectLiteral } from './step.js';
import { describe } from './tag-rules.js';

/** Options of `@withColumns`, given as the last argument. */
export interface WithColumnsOptions {
  /** Columns of the input frame given to the column functions as nodes `<namespace>.<column>`. */
  readonly columnsToPass?: readonly string[];
  /** The method parameter holding the frame (its first parameter when left out). */
  readonly onInput?: string;
  /** Nodes of the column functions appended to the frame as columns (all final ones when left out). */
  readonly select?: readonly string[];
  /** Namespace of the column nodes (the method's name when left out). */
  readonly namespace?: string;
}

/** What `@withColumns` records: plain data only, so nothing carries over from one graph to the next. */
export interface WithColumnsArgs {
  readonly featureSets: readonly Function[];
  readonly columnsToPass: readonly string[];
  readonly onInput?: string;
  readonly select?: readonly string[];
  readonly namespace?: string;
}

/**
 * Adds columns to a danfo DataFrame before the method sees it (Hamilton's `with_columns`): the methods of the
 * feature sets are column functions, built as a sub-graph under the namespace; the columns listed in
 * `columnsToPass` are their inputs (`<namespace>.<column>`), other dependencies are read from the outer graph;
 * the selected results are appended to (or replace) columns of the frame the method receives.
 *
 * @example
 * class SpendColumns { spendPerSignup(spend: Series, signups: Series): Series { return spend.div(signups); } }
 * class Report {
 *   @withColumns(SpendColumns, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup'] })
 *   report(raw: DataFrame): DataFrame { return raw; }
 * }
 */
export function withColumns(...args: [...featureSets: Function[], options: WithColumnsOptions] | Function[]): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('withColumns', problem));
  const last = args[args.length - 1];
  const hasOptions = isObjectLiteral(last);
  const options = checkedOptions<WithColumnsOptions>(
    'withColumns',
    hasOptions ? last : undefined,
    ['columnsToPass', 'onInput', 'select', 'namespace'],
    "{ columnsToPass: ['spend'], select: ['spendPerSignup'] }",
  );
  const featureSets = (hasOptions ? args.slice(0, -1) : args) as unknown[];
  if (featureSets.length === 0) throw fail(Messages.withColumns.noFeatureSets);
  featureSets.forEach((cls, position) => {
    if (typeof cls !== 'function' || cls.prototype === undefined) throw fail(Messages.withColumns.notAClass(position, describe(cls)));
  });
  const names = (what: string, list: unknown): readonly string[] | undefined => {
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === 'string' && n.length > 0)) {
      throw fail(Messages.withColumns.badNames(what, describe(list)));
    }
    return Object.freeze([...(list as string[])]);
  };
  const single = (what: string, name: unknown): string | undefined => {
    if (name !== undefined && (typeof name !== 'string' || name.length === 0)) throw fail(Messages.withColumns.badName(what, describe(name)));
    return name;
  };
  return recordingDecorator<WithColumnsArgs>(DecoratorKind.withColumns, {
    featureSets: Object.freeze([...(featureSets as Function[])]),
    columnsToPass: names('columnsToPass', options.columnsToPass) ?? [],
    onInput: single('onInput', options.onInput),
    select: names('select', options.select),
    namespace: single('namespace', options.namespace),
  });
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';

/** One declared column: its name and its type (`int`, `float`, `str`, `bool`, `datetime`, ... as in Hamilton). */
export type SchemaField = readonly [column: string, type: string];

/** What `@schemaOutput` records. */
export interface SchemaOutputArgs {
  readonly fields: readonly SchemaField[];
}

/**
 * Declares the columns (and their types) of the DataFrame the method returns (Hamilton's `@schema.output`).
 * The declaration is the node's tag `hamilton.internal.schema_output` (`col=type,...`, Hamilton's key and
 * format), shown in the feature catalog (`schema`) and in pictures. Unlike Hamilton, it is also checked: a
 * method whose declared return type is not a DataFrame is an `InvalidDecoratorError` when the graph is built,
 * and at run time the frame must have every declared column, of a matching dtype for `int`, `float`,
 * `str`/`string`, `bool`/`boolean` (other type names are checked for presence only); a mismatch fails the node.
 *
 * @example
 * @schemaOutput(['userId', 'int'], ['email', 'str'], ['budget', 'float'])
 * users(db: Db): DataFrame { ... }
 */
export function schemaOutput(...fields: SchemaField[]): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('schemaOutput', problem));
  if (fields.length === 0) throw fail(Messages.schemaOutput.noFields);
  const seen = new Set<string>();
  const checked = fields.map((field, i) => {
    const ok = Array.isArray(field) && field.length === 2 && field.every((part) => typeof part === 'string' && part.length > 0);
    if (!ok) throw fail(Messages.schemaOutput.badField(i, describe(field)));
    const [column, type] = field as SchemaField;
    if (/[=,]/.test(column) || /[=,]/.test(type)) throw fail(Messages.schemaOutput.reservedCharacters(column, type));
    if (seen.has(column)) throw fail(Messages.schemaOutput.repeatedColumn(column));
    seen.add(column);
    return Object.freeze([column, type] as const);
  });
  return recordingDecorator<SchemaOutputArgs>(DecoratorKind.schemaOutput, { fields: Object.freeze(checked) });
}

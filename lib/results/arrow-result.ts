import type * as Arrow from 'apache-arrow';
import { Messages } from '../constants/messages.js';
import { arrow, isArrowTable, isArrowVector, type ArrowModule, type ArrowTable, type ArrowVector } from '../dataframe/arrow.js';
import { oneBatchTable, typedArrayDataMaker } from '../dataframe/arrow-batch.js';
import { isDataFrame, isSeries } from '../dataframe/danfo.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from './result-builder.js';

/**
 * A column on its way into the table: Arrow data or a vector (Arrow's own, or made from values) or a scalar to
 * broadcast. `make` runs only once every length is known to agree.
 */
type Column =
  | { readonly kind: 'vector'; readonly length: number; readonly make: (m: Makers) => ArrowVector | Arrow.Data; readonly source: string }
  | { readonly kind: 'scalar'; readonly value: unknown; readonly source: string };

/** What columns are made with: apache-arrow, and one table's maker of typed-array data. */
interface Makers {
  readonly a: ArrowModule;
  readonly typed: (typed: ArrayBufferView & ArrayLike<number | bigint>) => Arrow.Data;
}

/**
 * Builds an Apache Arrow `Table` from the requested outputs: typed arrays become columns without a copy
 * (Arrow wraps the same memory), plain arrays, Arrow vectors and danfo Series become columns, Arrow tables and
 * danfo DataFrames contribute their columns, scalars are broadcast; only scalars make a one-row table. Columns of
 * different lengths, or two outputs giving one column name, are a `HamiltonError`. A single requested Arrow
 * table is returned as it is.
 */
export class ArrowResult implements ResultBuilder<ArrowTable> {
  build(outputs: Record<string, unknown>): ArrowTable {
    const names = Object.keys(outputs);
    if (names.length === 1 && isArrowTable(outputs[names[0]])) return outputs[names[0]] as ArrowTable;
    return arrowTableOf(outputs, (name) => `output '${name}'`);
  }
}

/**
 * The table made of named values (see {@link ArrowResult}); `sourceOf` names where a value came from in errors.
 * Also used by the savers of Arrow-based formats.
 */
export function arrowTableOf(values: Readonly<Record<string, unknown>>, sourceOf: (name: string) => string): ArrowTable {
  const a = arrow(Messages.arrowResult.neededFor);
  const columns = new Map<string, Column>();
  const add = (name: string, column: Column) => {
    const existing = columns.get(name);
    if (existing) throw new HamiltonError(Messages.columnCollision(name, existing.source, column.source));
    columns.set(name, column);
  };
  for (const name of Object.keys(values)) {
    const value = values[name];
    const source = sourceOf(name);
    // Typed arrays first: they are most columns, and each shape check below is a property miss on them.
    if (ArrayBuffer.isView(value) || Array.isArray(value)) add(name, columnOf(name, value, source));
    else if (isArrowTable(value)) {
      for (const field of value.schema.fields) {
        const child = value.getChild(field.name)!;
        add(field.name, { kind: 'vector', length: child.length, make: () => child, source });
      }
    } else if (typeof value === 'object' && value !== null && isDataFrame(value)) {
      for (const column of value.columns) {
        const values = value.column(column).values as unknown[];
        add(column, { kind: 'vector', length: values.length, make: (m) => m.a.vectorFromArray(values), source });
      }
    } else add(name, columnOf(name, value, source));
  }
  return tableOf(a, columns);
}

/** One output's column; typed arrays and plain arrays are told first (a danfo check would load danfo). */
function columnOf(name: string, value: unknown, source: string): Column {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<number> & ArrayBufferView;
    return { kind: 'vector', length: typed.length, make: (m) => m.typed(typed), source };
  }
  if (Array.isArray(value)) return { kind: 'vector', length: value.length, make: (m) => m.a.vectorFromArray(value), source };
  if (isArrowVector(value)) return { kind: 'vector', length: value.length, make: () => value, source };
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return { kind: 'scalar', value, source };
  if (isSeries(value)) {
    const values = value.values as unknown[];
    return { kind: 'vector', length: values.length, make: (m) => m.a.vectorFromArray(values), source };
  }
  throw new HamiltonError(Messages.arrowResult.unbuildable(name, describeValue(value)));
}

function tableOf(a: ArrowModule, columns: ReadonlyMap<string, Column>): ArrowTable {
  let length = columns.size === 0 ? 0 : 1;
  let first = true;
  for (const [name, column] of columns) {
    if (column.kind !== 'vector') continue;
    if (first) [length, first] = [column.length, false];
    else if (column.length !== length) throw new HamiltonError(Messages.lengthMismatch(name, column.length, length));
  }
  const makers: Makers = { a, typed: typedArrayDataMaker(a) };
  const made: Array<{ name: string; made: ArrowVector | Arrow.Data }> = [];
  let oneChunkEach = true;
  for (const [name, column] of columns) {
    const made1 = column.kind === 'vector' ? column.make(makers) : a.vectorFromArray(new Array(length).fill(column.value));
    if (isArrowVector(made1) && made1.data.length !== 1) oneChunkEach = false;
    made.push({ name, made: made1 });
  }
  if (length > 0 && made.length > 0 && oneChunkEach) {
    return oneBatchTable(
      a,
      made.map(({ name, made: m }) => ({ name, data: isArrowVector(m) ? (m.data[0] as Arrow.Data) : m })),
      length,
    );
  }
  return new a.Table(Object.fromEntries(made.map(({ name, made: m }) => [name, isArrowVector(m) ? m : a.makeVector(m)])));
}

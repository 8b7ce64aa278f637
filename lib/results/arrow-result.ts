import { Messages } from '../constants/messages.js';
import { arrow, isArrowTable, isArrowVector, type ArrowModule, type ArrowTable, type ArrowVector } from '../dataframe/arrow.js';
import { isDataFrame, isSeries } from '../dataframe/danfo.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from './result-builder.js';

/** A column on its way into the table: a vector (Arrow's own, or values to make one of) or a scalar to broadcast. */
type Column =
  | { readonly kind: 'vector'; readonly length: number; readonly make: (a: ArrowModule) => ArrowVector; readonly source: string }
  | { readonly kind: 'scalar'; readonly value: unknown; readonly source: string };

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
  for (const [name, value] of Object.entries(values)) {
    const source = sourceOf(name);
    if (isArrowTable(value)) {
      for (const field of value.schema.fields) {
        const child = value.getChild(field.name)!;
        add(field.name, { kind: 'vector', length: child.length, make: () => child, source });
      }
    } else if (isDataFrame(value)) {
      for (const column of value.columns) {
        const values = value.column(column).values as unknown[];
        add(column, { kind: 'vector', length: values.length, make: (m) => m.vectorFromArray(values), source });
      }
    } else add(name, columnOf(name, value, source));
  }
  return tableOf(a, columns);
}

function columnOf(name: string, value: unknown, source: string): Column {
  if (isArrowVector(value)) return { kind: 'vector', length: value.length, make: () => value, source };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<number> & ArrayBufferView;
    return { kind: 'vector', length: typed.length, make: (m) => typedVector(m, typed), source };
  }
  if (Array.isArray(value)) return { kind: 'vector', length: value.length, make: (m) => m.vectorFromArray(value), source };
  if (isSeries(value)) {
    const values = value.values as unknown[];
    return { kind: 'vector', length: values.length, make: (m) => m.vectorFromArray(values), source };
  }
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return { kind: 'scalar', value, source };
  throw new HamiltonError(Messages.arrowResult.unbuildable(name, describeValue(value)));
}

/** A typed array as an Arrow vector over the same memory (makeVector wraps it); Uint8Clamped has no Arrow type. */
function typedVector(a: ArrowModule, typed: ArrayLike<number> & ArrayBufferView): ArrowVector {
  if (typed instanceof Uint8ClampedArray) return a.makeVector(new Uint8Array(typed.buffer, typed.byteOffset, typed.length));
  return a.makeVector(typed as unknown as Float64Array);
}

function tableOf(a: ArrowModule, columns: ReadonlyMap<string, Column>): ArrowTable {
  const vectors = [...columns.entries()].filter((entry): entry is [string, Extract<Column, { kind: 'vector' }>] => entry[1].kind === 'vector');
  const length = vectors.length === 0 ? (columns.size === 0 ? 0 : 1) : vectors[0][1].length;
  for (const [name, column] of vectors) {
    if (column.length !== length) throw new HamiltonError(Messages.lengthMismatch(name, column.length, length));
  }
  const children: [string, ArrowVector][] = [];
  for (const [name, column] of columns) {
    children.push([name, column.kind === 'vector' ? column.make(a) : a.vectorFromArray(new Array(length).fill(column.value))]);
  }
  if (length > 0 && children.length > 0 && children.every(([, vector]) => vector.data.length === 1)) return oneBatchTable(a, children, length);
  return new a.Table(Object.fromEntries(children));
}

/**
 * The table `new Table({ name: vector })` makes (one field per column, nullable as the vector is), built
 * as one record batch straight from the columns' data: Arrow's record constructor takes about twice as long,
 * which is most of a 1000-column result.
 */
function oneBatchTable(a: ArrowModule, children: readonly [string, ArrowVector][], length: number): ArrowTable {
  const fields = children.map(([name, vector]) => new a.Field(name, vector.type, vector.nullable));
  const data = a.makeData({
    type: new a.Struct(fields),
    length,
    nullCount: 0,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- apache-arrow types an untyped Vector's data as Data<any>
    children: children.map(([, vector]) => vector.data[0]),
  });
  return new a.Table([new a.RecordBatch(new a.Schema(fields), data)]);
}

import type * as Arrow from 'apache-arrow';
import { Messages } from '../constants/messages.js';
import { arrow, inferredVector, isArrowTable, isArrowVector, type ArrowModule, type ArrowTable, type ArrowVector } from '../dataframe/arrow.js';
import { oneBatchTable, typedArrayDataMaker } from '../dataframe/arrow-batch.js';
import { isDataFrame, isSeries } from '../dataframe/danfo.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from './result-builder.js';

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
 * How a column is made once every length is known to agree: a typed array over its memory, values through
 * Arrow's inference, an Arrow vector as it is, or a scalar repeated.
 */
const enum Make {
  Typed,
  Values,
  Vector,
  Scalar,
}

/**
 * The columns on their way into the table, one index per column (flat arrays: at 1000 columns, an object and a
 * closure per column cost as much as the table). `origins` holds the output each came from, for errors.
 */
interface Columns {
  readonly names: string[];
  readonly makes: Make[];
  readonly values: unknown[];
  readonly lengths: number[];
  readonly origins: string[];
  readonly index: Map<string, number>;
}

/**
 * The table made of named values (see {@link ArrowResult}); `sourceOf` names where a value came from in errors.
 * Also used by the savers of Arrow-based formats.
 */
export function arrowTableOf(values: Readonly<Record<string, unknown>>, sourceOf: (name: string) => string): ArrowTable {
  const a = arrow(Messages.arrowResult.neededFor);
  const columns: Columns = { names: [], makes: [], values: [], lengths: [], origins: [], index: new Map() };
  const add = (name: string, make: Make, value: unknown, length: number, origin: string) => {
    const existing = columns.index.get(name);
    if (existing !== undefined) throw new HamiltonError(Messages.columnCollision(name, sourceOf(columns.origins[existing]), sourceOf(origin)));
    columns.index.set(name, columns.names.length);
    columns.names.push(name);
    columns.makes.push(make);
    columns.values.push(value);
    columns.lengths.push(length);
    columns.origins.push(origin);
  };
  const names = Object.keys(values);
  const outputs = Object.values(values);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const value = outputs[i];
    // Typed arrays first: they are most columns, and each shape check below is a property miss on them.
    if (ArrayBuffer.isView(value) && !(value instanceof DataView))
      add(name, Make.Typed, value, (value as unknown as ArrayLike<unknown>).length, name);
    else if (Array.isArray(value)) add(name, Make.Values, value, value.length, name);
    else if (isArrowVector(value)) add(name, Make.Vector, value, value.length, name);
    else if (isArrowTable(value)) {
      for (const field of value.schema.fields) {
        const child = value.getChild(field.name)!;
        add(field.name, Make.Vector, child, child.length, name);
      }
    } else if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) add(name, Make.Scalar, value, -1, name);
    else if (isDataFrame(value)) {
      for (const column of value.columns) {
        const columnValues = value.column(column).values as unknown[];
        add(column, Make.Values, columnValues, columnValues.length, name);
      }
    } else if (isSeries(value)) {
      const seriesValues = value.values as unknown[];
      add(name, Make.Values, seriesValues, seriesValues.length, name);
    } else throw new HamiltonError(Messages.arrowResult.unbuildable(name, describeValue(value)));
  }
  return tableOf(a, columns, sourceOf);
}

function tableOf(a: ArrowModule, columns: Columns, sourceOf: (name: string) => string): ArrowTable {
  const { names, makes, values, lengths, origins } = columns;
  const count = names.length;
  let length = count === 0 ? 0 : 1;
  let first = true;
  for (let i = 0; i < count; i++) {
    if (makes[i] === Make.Scalar) continue;
    if (first) [length, first] = [lengths[i], false];
    else if (lengths[i] !== length) throw new HamiltonError(Messages.lengthMismatch(names[i], lengths[i], length));
  }
  const typed = typedArrayDataMaker(a);
  // Each column's one chunk of data; the vectors of columns that were not typed arrays, for the table of chunks.
  const children = new Array<Arrow.Data>(count);
  const vectors = new Array<ArrowVector | undefined>(count);
  let oneChunkEach = true;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (makes[i] === Make.Typed) {
      children[i] = typed(value as ArrayBufferView & ArrayLike<number>);
      continue;
    }
    let vector: ArrowVector;
    if (makes[i] === Make.Values) vector = inferredVector(a, value as unknown[], names[i], sourceOf(origins[i]));
    else if (makes[i] === Make.Vector) vector = value as ArrowVector;
    else vector = inferredVector(a, new Array<unknown>(length).fill(value), names[i], sourceOf(origins[i]));
    vectors[i] = vector;
    if (vector.data.length === 1) children[i] = vector.data[0] as Arrow.Data;
    else oneChunkEach = false;
  }
  if (length > 0 && count > 0 && oneChunkEach) return oneBatchTable(a, names, children, length);
  return new a.Table(Object.fromEntries(names.map((name, i) => [name, vectors[i] ?? a.makeVector(children[i])])));
}

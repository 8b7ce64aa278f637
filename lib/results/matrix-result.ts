import { Messages } from '../constants/messages.js';
import { isDataFrame, isSeries } from '../dataframe/danfo.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from './result-builder.js';

/** Outputs as one numeric matrix: a column per output (in request order), `data` row-major. */
export interface Matrix {
  readonly columns: string[];
  readonly rows: number;
  readonly data: Float64Array;
}

/**
 * Builds a matrix of numeric features (Hamilton's `NumpyMatrixResult`): each output is a column, in request
 * order; numbers (and booleans, as 0/1) are broadcast to every row; arrays, typed arrays and danfo Series give
 * one value per row and must all have the same length. `data` is row-major: row r, column c is
 * `data[r * columns.length + c]`. Missing values (null, undefined) become NaN. Anything else (a DataFrame,
 * a string, an object, a non-numeric element) is a `HamiltonError` naming the output and what it holds.
 *
 * @example
 * const dr = new Builder().withModules(Features).withResultBuilder(new MatrixResult()).build();
 * const { columns, data } = dr.execute(['age', 'income']); // data: Float64Array of rows x 2
 */
export class MatrixResult implements ResultBuilder<Matrix> {
  build(outputs: Record<string, unknown>): Matrix {
    const columns = Object.keys(outputs);
    const vectors = columns.map((name) => vectorOf(name, outputs[name]));
    let rows: number | undefined;
    let first = '';
    for (let c = 0; c < columns.length; c++) {
      const vector = vectors[c];
      if (typeof vector === 'number') continue;
      if (rows === undefined) [rows, first] = [vector.length, columns[c]];
      else if (vector.length !== rows) throw new HamiltonError(Messages.matrix.lengthMismatch(columns[c], vector.length, first, rows));
    }
    rows ??= columns.length > 0 ? 1 : 0;
    const width = columns.length;
    const data = new Float64Array(rows * width);
    for (let c = 0; c < width; c++) {
      const vector = vectors[c];
      for (let r = 0; r < rows; r++) data[r * width + c] = typeof vector === 'number' ? vector : vector[r];
    }
    return { columns, rows, data };
  }
}

/** A scalar as a number, or a column as numbers; anything else is an error naming the output. */
function vectorOf(name: string, value: unknown): number | ArrayLike<number> {
  const scalar = numberOf(value);
  if (scalar !== undefined) return scalar;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) return Float64Array.from(value, Number);
    return value as unknown as ArrayLike<number>;
  }
  const values: unknown = Array.isArray(value) ? value : isSeries(value) ? value.values : undefined;
  if (!Array.isArray(values)) {
    const what = isDataFrame(value) ? Messages.matrix.aFrame : describeValue(value);
    throw new HamiltonError(Messages.matrix.notNumeric(name, what));
  }
  return values.map((element: unknown, i) => {
    const number = numberOf(element);
    if (number === undefined) throw new HamiltonError(Messages.matrix.notNumericElement(name, i, describeValue(element)));
    return number;
  });
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return NaN;
  return undefined;
}

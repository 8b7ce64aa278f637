import { danfo, isDataFrame, isSeries, type DataFrame, type Series } from './danfo.js';

/**
 * A danfo Series or DataFrame as plain data (values, index, column names, dtypes), which any serialiser that
 * keeps arrays and primitives can carry to another process; `frameFromTransfer` rebuilds the frame there.
 */
export type FrameTransfer =
  | {
      readonly kind: 'Series';
      readonly values: unknown[];
      readonly index: Array<string | number>;
      readonly columns: string[];
      readonly dtypes: string[];
    }
  | {
      readonly kind: 'DataFrame';
      readonly values: unknown[][];
      readonly index: Array<string | number>;
      readonly columns: string[];
      readonly dtypes: string[];
    };

/** The plain form of a danfo frame, or `undefined` when the value is not one (danfo is not loaded for plain data). */
export function frameToTransfer(value: object): FrameTransfer | undefined {
  if (isSeries(value)) return { kind: 'Series', ...parts(value) };
  if (isDataFrame(value)) return { kind: 'DataFrame', ...parts(value) } as FrameTransfer;
  return undefined;
}

/** Rebuilds the frame `frameToTransfer` described (loads danfo, which a frame needs anyway). */
export function frameFromTransfer(transfer: FrameTransfer): Series | DataFrame {
  const d = danfo();
  const options = { index: transfer.index, columns: transfer.columns, dtypes: transfer.dtypes };
  if (transfer.kind === 'Series') return new d.Series(transfer.values, options);
  // An empty frame: danfo rejects an empty index and dtypes for zero rows; it keeps the column names.
  if (transfer.values.length === 0) return new d.DataFrame([], { columns: transfer.columns });
  return new d.DataFrame(transfer.values, options);
}

function parts(frame: Series | DataFrame) {
  return {
    values: frame.values as unknown[],
    index: [...frame.index] as Array<string | number>,
    columns: [...frame.columns],
    dtypes: [...frame.dtypes],
  };
}

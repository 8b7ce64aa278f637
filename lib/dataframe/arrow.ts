import type * as Arrow from 'apache-arrow';
import type * as OptionalPackage from '../errors/optional-package.js';

/** The apache-arrow module type; Arrow is the columnar frame of ArrowResult and of the parquet and arrow kinds. */
export type ArrowModule = typeof Arrow;
export type ArrowTable = Arrow.Table;
export type ArrowVector = Arrow.Vector;

let loaded: ArrowModule | undefined;

/**
 * apache-arrow, loaded on first use (an optional peer): without it this throws a `MissingPackageError` naming
 * the package and what needed it.
 */
export function arrow(neededFor: string): ArrowModule {
  if (loaded) return loaded;
  // Required, not imported: errors -> messages -> ... -> dataframe is a load-time cycle (see danfo.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a load-time cycle, see above
  const { requireOptional } = require('../errors/optional-package.js') as typeof OptionalPackage;
  return (loaded = requireOptional<ArrowModule>('apache-arrow', neededFor));
}

/** Whether a value is an Arrow Table; never loads apache-arrow (a table's own shape tells). */
export function isArrowTable(value: unknown): value is ArrowTable {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { schema?: { fields?: unknown }; numRows?: unknown; getChild?: unknown; batches?: unknown };
  return (
    typeof candidate.numRows === 'number' &&
    typeof candidate.getChild === 'function' &&
    Array.isArray(candidate.schema?.fields) &&
    Array.isArray(candidate.batches)
  );
}

/** Whether a value is an Arrow Vector (a column); never loads apache-arrow. */
export function isArrowVector(value: unknown): value is ArrowVector {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { data?: unknown; type?: { typeId?: unknown }; length?: unknown; get?: unknown; toArray?: unknown };
  return (
    Array.isArray(candidate.data) &&
    typeof candidate.type?.typeId === 'number' &&
    typeof candidate.length === 'number' &&
    typeof candidate.get === 'function' &&
    typeof candidate.toArray === 'function'
  );
}

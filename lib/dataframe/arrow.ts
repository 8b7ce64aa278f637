import type * as Arrow from 'apache-arrow';
import { Messages } from '../constants/messages.js';
import type * as Errors from '../errors/index.js';
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

/**
 * Whether a class is Arrow's `Vector` or `Table`, by name and prototype: apache-arrow ships a CommonJS and an
 * ES module build, and an app importing one while hamilton-ts requires the other has two classes of each.
 * Never loads apache-arrow.
 */
export function arrowClassKind(type: Function): 'Vector' | 'Table' | undefined {
  const prototype = type.prototype as Record<string, unknown> | undefined;
  if (prototype === undefined || typeof prototype.toArray !== 'function' || typeof prototype.getChild !== 'function') return undefined;
  if (type.name === 'Vector' && typeof prototype.isValid === 'function') return 'Vector';
  if (type.name === 'Table' && typeof prototype.select === 'function') return 'Table';
  return undefined;
}

/** `Vector<Float64>(1000)`, `Table(1000x3)`: an Arrow value as error messages describe it. */
export function describeArrowValue(value: ArrowVector | ArrowTable): string {
  if (isArrowTable(value)) return `Table(${value.numRows}x${value.schema.fields.length})`;
  return `Vector<${String(value.type)}>(${value.length})`;
}

/**
 * Column `name` of an Arrow table (`@extractColumns`); a missing one is `fill` repeated when `hasFill`, else
 * `undefined` so the caller names the node.
 */
export function arrowColumn(table: ArrowTable, name: string, hasFill: boolean, fill: unknown, neededFor: string): ArrowVector | undefined {
  const column = table.getChild(name);
  if (column !== null) return column;
  if (!hasFill) return undefined;
  // A fill Arrow cannot type (a symbol, a function, from plain JavaScript) is a HamiltonError naming the column.
  return inferredVector(arrow(neededFor), new Array<unknown>(table.numRows).fill(fill), name, 'the fill value');
}

/**
 * Arrow's vector of `values`, whose type it infers; values it cannot type (numbers mixed with strings or bigints,
 * a symbol) are a HamiltonError naming the column and `source`, where the values came from, with Arrow's reason.
 */
export function inferredVector(a: ArrowModule, values: unknown[], column: string, source: string): ArrowVector {
  try {
    return a.vectorFromArray(values);
  } catch (error) {
    // Required, not imported: see arrow().
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a load-time cycle, see arrow()
    const { HamiltonError } = require('../errors/index.js') as typeof Errors;
    const reason = error instanceof Error ? error.message : String(error);
    throw new HamiltonError(Messages.arrowResult.uninferable(column, source, reason), { cause: error });
  }
}

/** The column names of an Arrow table. */
export function arrowColumnNames(table: ArrowTable): string[] {
  return table.schema.fields.map((field) => field.name);
}

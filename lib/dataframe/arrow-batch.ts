import type * as Arrow from 'apache-arrow';
import type { ArrowModule, ArrowTable } from './arrow.js';

/** A record batch's own fields, as apache-arrow 21's constructor leaves them (checked, see `directBatchFits`). */
interface BatchFields {
  schema: Arrow.Schema;
  data: Arrow.Data<Arrow.Struct>;
  _metadata: Map<string, string>;
}

const typeMakers = new Map<Function, (a: ArrowModule) => Arrow.DataType>([
  [Float64Array, (a) => new a.Float64()],
  [Float32Array, (a) => new a.Float32()],
  [Int32Array, (a) => new a.Int32()],
  [Int16Array, (a) => new a.Int16()],
  [Int8Array, (a) => new a.Int8()],
  [Uint32Array, (a) => new a.Uint32()],
  [Uint16Array, (a) => new a.Uint16()],
  [Uint8Array, (a) => new a.Uint8()],
  [Uint8ClampedArray, (a) => new a.Uint8()],
  [BigInt64Array, (a) => new a.Int64()],
  [BigUint64Array, (a) => new a.Uint64()],
]);

/**
 * Typed arrays as Arrow data over the same memory, with the type, null count and buffers `makeVector` gives
 * them (what its `makeData` visitor makes), but through `Data`'s constructor: the visitor's dispatch costs about
 * as much as the rest of a 1000-column table. The columns of one table share their type objects and their
 * empty validity bitmap (Arrow replaces, never writes into, a bitmap too short for a value it marks). Typed
 * arrays Arrow has no type for (Float16Array) go through `makeVector`, which says so.
 */
export function typedArrayDataMaker(a: ArrowModule): (typed: ArrayBufferView & ArrayLike<number | bigint>) => Arrow.Data {
  const types = new Map<Function, Arrow.DataType>();
  const noValidity = new Uint8Array(0);
  return (typed) => {
    let type = types.get(typed.constructor);
    if (type === undefined) {
      const makeType = typeMakers.get(typed.constructor);
      if (makeType === undefined) return a.makeVector(typed as unknown as Float64Array).data[0];
      types.set(typed.constructor, (type = makeType(a)));
    }
    // Uint8 data is a plain Uint8Array view, as makeData makes it (a Node Buffer slices differently; a clamped
    // array is read as the same bytes).
    const values =
      typed instanceof Uint8Array || typed instanceof Uint8ClampedArray ? new Uint8Array(typed.buffer, typed.byteOffset, typed.length) : typed;
    // nullCount -1 (counted when asked) and no validity bytes, as makeVector: the field's nullability then
    // matches Arrow's own tables. Typed as Float64 for the constructor; the type is the array's own.
    const buffers: Partial<Arrow.Data<Arrow.Float64>['buffers']> = [undefined, values as Float64Array, noValidity];
    return new a.Data(type as Arrow.Float64, 0, typed.length, -1, buffers);
  };
}

/**
 * The table `new Table({ name: vector })` makes from single-chunk columns of one length (one field per column,
 * nullable as its data is), built as one record batch with one schema. Arrow's RecordBatch constructor
 * re-assigns its schema to itself field by field (quadratic in the number of columns: about 4 ms of a
 * 1000-column result, most of the table's cost); the columns here are already of one length, which is all
 * that step ensures, so the batch is made directly when apache-arrow's batch has the shape this relies on.
 */
export function oneBatchTable(a: ArrowModule, names: readonly string[], children: readonly Arrow.Data[], length: number): ArrowTable {
  const fields = new Array<Arrow.Field>(names.length);
  for (let i = 0; i < names.length; i++) fields[i] = new a.Field(names[i], children[i].type, children[i].nullable);
  const schema = new a.Schema(fields);
  const data = a.makeData({ type: new a.Struct(fields), length, nullCount: 0, children: children as Arrow.Data[] });
  if (!directBatchFits(a)) return new a.Table([new a.RecordBatch(schema, data)]);
  const batch = Object.create(a.RecordBatch.prototype) as BatchFields;
  batch.schema = schema;
  batch.data = data;
  batch._metadata = new Map();
  return new a.Table([batch as unknown as Arrow.RecordBatch]);
}

const fitsByModule = new WeakMap<ArrowModule, boolean>();

/**
 * Whether a record batch made by apache-arrow's own constructor holds exactly the fields a direct one is given
 * (schema, data, _metadata), checked once per loaded apache-arrow; another version falls back to the constructor.
 */
function directBatchFits(a: ArrowModule): boolean {
  let fits = fitsByModule.get(a);
  if (fits === undefined) {
    const probe = new a.RecordBatch({ x: a.makeVector(new Int8Array(1)).data[0] });
    const own = Reflect.ownKeys(probe).map(String).sort();
    fits = own.join() === '_metadata,data,schema' && probe.schema instanceof a.Schema && (probe as unknown as BatchFields)._metadata instanceof Map;
    fitsByModule.set(a, fits);
  }
  return fits;
}

import { expect } from 'chai';
import * as arrow from 'apache-arrow';
import { oneBatchTable, typedArrayDataMaker } from '../../lib/dataframe/arrow-batch.js';

/** A record batch class whose constructor leaves a field more than apache-arrow 21's (as another version might). */
class WiderBatch extends arrow.RecordBatch {
  constructor(...args: ConstructorParameters<typeof arrow.RecordBatch>) {
    super(...args);
    Object.assign(this, { wider: true });
  }
}

const columns = () => {
  const typed = typedArrayDataMaker(arrow);
  return { names: ['x', 'y'], children: [typed(Float64Array.of(1, 2, 3)), typed(Int32Array.of(4, 5, 6))] };
};

describe('dataframe/arrow-batch: a table of one record batch, made directly', () => {
  it("holds exactly the fields apache-arrow's own batch holds, and reads as Arrow's table does", () => {
    const { names, children } = columns();
    const table = oneBatchTable(arrow, names, children, 3);
    const own = new arrow.RecordBatch({ x: children[0], y: children[1] });
    expect(Reflect.ownKeys(table.batches[0]).map(String).sort()).to.deep.equal(Reflect.ownKeys(own).map(String).sort());
    expect(table.toArray().map((row) => ({ ...row.toJSON() }))).to.deep.equal([
      { x: 1, y: 4 },
      { x: 2, y: 5 },
      { x: 3, y: 6 },
    ]);
  });

  it("falls back to apache-arrow's constructor when its batch has another shape (another version)", () => {
    const other = { ...arrow, RecordBatch: WiderBatch } as typeof arrow;
    const { names, children } = columns();
    const table = oneBatchTable(other, names, children, 3);
    expect(table.batches[0]).to.be.instanceOf(WiderBatch);
    expect(Object.prototype.hasOwnProperty.call(table.batches[0], 'wider')).to.equal(true);
    expect(Array.from(table.getChild('y')!.toArray() as Int32Array)).to.deep.equal([4, 5, 6]);
  });

  it('typed arrays become data over the same memory, with the type makeVector gives them', () => {
    const typed = typedArrayDataMaker(arrow);
    for (const array of [
      Float64Array.of(1.5),
      Float32Array.of(2),
      Int8Array.of(-3),
      Uint16Array.of(4),
      BigInt64Array.of(5n),
      Uint8ClampedArray.of(6),
    ]) {
      const data = typed(array);
      expect(String(data.type), array.constructor.name).to.equal(String(arrow.makeVector(array as Float64Array).type));
      expect(data.values.buffer).to.equal(array.buffer);
      expect(data.nullable).to.equal(arrow.makeVector(array as Float64Array).nullable);
    }
  });
});

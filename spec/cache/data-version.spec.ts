import { expect } from 'chai';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import * as v8 from 'node:v8';
import { dataVersion, MAX_DEPTH } from '../../lib/cache/data-version.js';
import { danfo } from '../../lib/dataframe/danfo.js';

function version(value: unknown): string {
  const v = dataVersion(value);
  if (!v.ok) throw new Error(`expected a version, got: ${v.reason}`);
  return v.version;
}

function reason(value: unknown): string {
  const v = dataVersion(value);
  if (v.ok) throw new Error('expected no version');
  return v.reason;
}

/** Plain data the cache versions: what a node typically returns. */
const plainData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
    fc.float64Array({ maxLength: 8, noNaN: true }),
    fc.int32Array({ maxLength: 8 }),
  ),
})).value;

/**
 * A reference for arrays of numbers, written from the encoding's description: the Array tag (9), the length as
 * a double, then per element the Number tag (5) and the double (every NaN one NaN), all little-endian, SHA-256,
 * 32 hex characters.
 */
function referenceVersionOfNumbers(values: readonly number[]): string {
  const bytes = Buffer.alloc(1 + 8 + values.length * 9);
  bytes[0] = 9;
  bytes.writeDoubleLE(values.length, 1);
  values.forEach((n, i) => {
    bytes[9 + i * 9] = 5;
    bytes.writeDoubleLE(Number.isNaN(n) ? NaN : n, 10 + i * 9);
  });
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

describe('dataVersion', () => {
  it('versions an array of numbers (the one-loop path) exactly as its encoding says, across block boundaries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 50 }), (values) => {
        expect(version(values)).to.equal(referenceVersionOfNumbers(values));
      }),
      { numRuns: 200 },
    );
    // Longer than the 64 KB hashing block (9 bytes a number), with NaNs of other payloads.
    const long = Array.from({ length: 20_000 }, (_, i) =>
      i % 97 === 0 ? new Float64Array(new BigUint64Array([0x7ff0000000000001n]).buffer)[0] : i / 7,
    );
    expect(version(long)).to.equal(referenceVersionOfNumbers(long));
  });

  it('gives the same version when a getter read while hashing asks for another version (the hashing block is not shared then)', () => {
    const big = Array.from({ length: 5000 }, (_, i) => `item ${i}`);
    const inner = dataVersion(big);
    const plain = { a: Array.from({ length: 3000 }, (_, i) => i), b: 'after' };
    const withGetter = {
      a: plain.a,
      get b(): string {
        expect(dataVersion(big)).to.deep.equal(inner);
        return 'after';
      },
    };
    expect(dataVersion(withGetter)).to.deep.equal(dataVersion(plain));
  });

  it('gives a structurally equal copy the same version (property, against a V8 round trip)', () => {
    fc.assert(
      fc.property(plainData, (value) => {
        expect(version(v8.deserialize(v8.serialize(value)))).to.equal(version(value));
      }),
    );
  });

  it('gives two values the same version exactly when a reference encoding says they are equal (property)', () => {
    fc.assert(
      fc.property(plainData, plainData, (a, b) => {
        expect(version(a) === version(b)).to.equal(reference(a) === reference(b));
      }),
    );
    fc.assert(
      fc.property(plainData, (a) => {
        expect(version(a)).to.equal(version(structuredClone(a)));
      }),
    );
  });

  it('tags types: 1, "1", 1n, [1], { 0: 1 }, Int32Array [1] and Float64Array [1] all differ', () => {
    const values = [1, '1', 1n, [1], { 0: 1 }, Int32Array.of(1), Float64Array.of(1), new Date(1), true, null, undefined, NaN, -0, 0];
    const versions = values.map(version);
    expect(new Set(versions).size).to.equal(values.length);
  });

  it('ignores the order of keys of a plain object, not of a Map', () => {
    expect(version({ a: 1, b: 2 })).to.equal(version({ b: 2, a: 1 }));
    expect(
      version(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
      ),
    ).not.to.equal(
      version(
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    );
  });

  it('separates strings that would run together without their lengths', () => {
    expect(version(['ab', 'c'])).not.to.equal(version(['a', 'bc']));
  });

  it('includes a typed array’s element type and only its own bytes (a view of a larger buffer)', () => {
    const big = new Float64Array([1, 2, 3, 4]);
    expect(version(big.subarray(1, 3))).to.equal(version(Float64Array.of(2, 3)));
    expect(version(new Uint8Array(Float64Array.of(2).buffer))).not.to.equal(version(Float64Array.of(2)));
  });

  it('versions danfo frames by schema and data: a renamed column, a new dtype or another index differ', () => {
    const d = danfo();
    const frame = new d.DataFrame({ a: [1, 2], b: [3, 4] });
    expect(version(new d.DataFrame({ a: [1, 2], b: [3, 4] }))).to.equal(version(frame));
    expect(version(new d.DataFrame({ a: [1, 2], c: [3, 4] }))).not.to.equal(version(frame));
    expect(version(new d.DataFrame({ a: [1, 2], b: [3, 5] }))).not.to.equal(version(frame));
    expect(version(new d.DataFrame({ a: [1, 2], b: [3, 4] }, { index: ['x', 'y'] }))).not.to.equal(version(frame));
    expect(version(new d.Series([1, 2]))).not.to.equal(version([1, 2]));
  });

  it('versions Arrow tables by their IPC bytes (schema included)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a devDependency, as the cache loads it
    const arrow = require('apache-arrow') as typeof import('apache-arrow');
    const table = arrow.tableFromArrays({ a: Float64Array.of(1, 2) });
    expect(version(arrow.tableFromArrays({ a: Float64Array.of(1, 2) }))).to.equal(version(table));
    expect(version(arrow.tableFromArrays({ b: Float64Array.of(1, 2) }))).not.to.equal(version(table));
    expect(version(arrow.tableFromArrays({ a: Int32Array.of(1, 2) }))).not.to.equal(version(table));
  });

  describe('fails closed', () => {
    it('on a function or symbol anywhere inside', () => {
      expect(reason({ a: [1, { f: () => 1 }] })).to.match(/function/);
      expect(reason([Symbol('s')])).to.match(/symbol/);
    });

    it('on a class instance, however deep (Hamilton #1242, #1715)', () => {
      class Layer {
        constructor(readonly inner: unknown) {}
      }
      expect(reason(new Layer(1))).to.match(/instance of Layer/);
      expect(reason({ model: [[[new Layer(2)]]] })).to.match(/instance of Layer/);
    });

    it(`beyond ${MAX_DEPTH} levels, rather than hashing a placeholder`, () => {
      let deep: unknown = 1;
      let other: unknown = 2;
      for (let i = 0; i < MAX_DEPTH + 1; i++) {
        deep = [deep];
        other = [other];
      }
      expect(reason(deep)).to.match(/deeper/);
      expect(reason(other)).to.match(/deeper/);
    });

    it('on a cycle and on symbol keys', () => {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      expect(reason(cyclic)).to.match(/itself/);
      expect(reason({ [Symbol('k')]: 1 })).to.match(/symbol keys/);
    });

    it('but a value shared twice (no cycle) is versioned', () => {
      const shared = { x: 1 };
      expect(version([shared, shared])).to.equal(version([{ x: 1 }, { x: 1 }]));
    });
  });
});

/** The reference model: a readable encoding with the same distinctions (types, key order ignored, -0 kept). */
function reference(value: unknown): string {
  const num = (n: number) => (Object.is(n, -0) ? '-0' : String(n));
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return `d${num(value)}`;
    case 'bigint':
      return `i${value}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
  }
  if (value instanceof Date) return `D${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${[...(value as Float64Array)].map(num).join(',')})`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`)
    .join(',')}}`;
}

import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as Arrow from 'apache-arrow';
import { Builder, cache, HamiltonError, SQLiteStore, type CacheFormat, type CacheLogEntry } from 'hamilton-ts';
import { dataVersion } from '../../lib/cache/data-version.js';
import { decodeValue, encodeValue, unfitReason } from '../../lib/cache/formats.js';
import { danfo } from '../../lib/dataframe/danfo.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a devDependency, as the package loads it
const arrow = require('apache-arrow') as typeof Arrow;

type Calls = Record<string, number>;

function version(value: unknown): string {
  const v = dataVersion(value);
  if (!v.ok) throw new Error(v.reason);
  return v.version;
}

/** Values the Arrow-based formats hold, made afresh for each use. */
function columnarValues(): Record<string, unknown> {
  const d = danfo();
  return {
    'a Float64Array': new Float64Array([1.5, -0, NaN, Infinity]),
    'an Int32Array': new Int32Array([-1, 0, 7]),
    'a BigInt64Array': new BigInt64Array([-(2n ** 63n), 5n]),
    'an Arrow table': arrow.tableFromArrays({ spend: new Float64Array([1, 2, 3]), count: new Int32Array([4, 5, 6]) }),
    'an Arrow vector': arrow.makeVector(new Float64Array([4, 5, 6])),
    'a danfo Series of numbers': new d.Series([1.25, 2, NaN], { index: ['x', 'y', 'z'], columns: ['spend'] }),
    'a danfo Series of strings': new d.Series(['a', 'b']),
    'a danfo DataFrame': new d.DataFrame({ spend: [1, 2], region: ['north', 'south'] }, { index: [3, 4] }),
  };
}

describe('cache formats: arrow and parquet', () => {
  for (const format of ['arrow', 'parquet'] as const) {
    describe(format, () => {
      for (const [name, value] of Object.entries(columnarValues())) {
        it(`gives ${name} back with the same data version`, () => {
          const encoded = encodeValue(value, format);
          expect(encoded.encoding).to.equal(format);
          const back = decodeValue(encoded.bytes, format);
          expect(version(back)).to.equal(version(value));
        });
      }

      it('cannot hold a plain object, a nested array or a string: unfit, with what it holds', () => {
        for (const value of [{ a: { b: 1 } }, [[1, 2]], 'text', 5, new Uint8ClampedArray(2), new DataView(new ArrayBuffer(2))]) {
          expect(unfitReason(value, format)).to.match(/typed arrays, Arrow vectors and tables and danfo Series and DataFrames/);
        }
        expect(unfitReason({ a: 1 }, 'v8')).to.equal(undefined);
        expect(unfitReason({ a: 1 }, 'json')).to.equal(undefined);
      });

      it('refuses bytes cut short (the caller makes that a miss)', () => {
        const bytes = encodeValue(new Float64Array([1, 2, 3]), format).bytes;
        expect(() => decodeValue(bytes.subarray(0, Math.floor(bytes.length / 2)), format)).to.throw();
      });
    });
  }

  it('picks an encoding by type when no format is asked for: raw for numeric columns, arrow for Arrow values, v8 for the rest', () => {
    const d = danfo();
    expect(encodeValue(new Float64Array(3), undefined).encoding).to.equal('raw');
    expect(encodeValue(new d.Series([1, 2]), undefined).encoding).to.equal('raw');
    expect(encodeValue(arrow.tableFromArrays({ a: new Float64Array(2) }), undefined).encoding).to.equal('arrow');
    expect(encodeValue(arrow.makeVector(new Int32Array(2)), undefined).encoding).to.equal('arrow');
    expect(encodeValue({ a: 1 }, undefined).encoding).to.equal('v8');
    expect(encodeValue(new d.Series(['a']), undefined).encoding).to.equal('v8');
  });

  describe('through a driver', () => {
    let folder: string;
    let store: SQLiteStore;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'hamilton-formats-'));
      store = new SQLiteStore(folder);
    });
    afterEach(() => {
      store.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const driver = (cls: Function) => new Builder().withModules(cls).withCache({ store }).build();
    const logOf = (logs: readonly CacheLogEntry[], node: string) => logs.find((l) => l.node === node)!;

    function formatted(format: CacheFormat, calls: Calls, make: () => unknown): Function {
      const bump = () => (calls.value = (calls.value ?? 0) + 1);
      class AsArrow {
        @cache({ format: 'arrow' })
        value(x: number): unknown {
          bump();
          return x > 0 ? make() : undefined;
        }
      }
      class AsParquet {
        @cache({ format: 'parquet' })
        value(x: number): unknown {
          bump();
          return x > 0 ? make() : undefined;
        }
      }
      return format === 'arrow' ? AsArrow : AsParquet;
    }

    it('under the AsyncDriver too: an async node’s typed array is stored raw and hit, and an unfit format rejects naming the node', async () => {
      const calls: Calls = {};
      class Async {
        async column(x: number): Promise<Float64Array> {
          calls.column = (calls.column ?? 0) + 1;
          await new Promise((resolve) => setImmediate(resolve));
          return new Float64Array([x, -0, NaN]);
        }
        @cache({ format: 'parquet' })
        async nested(x: number): Promise<unknown> {
          await new Promise((resolve) => setImmediate(resolve));
          return { x: { y: x } };
        }
      }
      const build = () => new Builder().withModules(Async).withCache({ store }).buildAsync();
      await (await build()).execute(['column'], { inputs: { x: 2 } });
      const dr = await build();
      const { column } = (await dr.execute(['column'], { inputs: { x: 2 } })) as { column: Float64Array };
      expect(Object.is(column[1], -0) && Number.isNaN(column[2]) && column[0] === 2).to.equal(true);
      expect(calls.column).to.equal(1);
      // The value a hit returns is its own copy: changing it changes nothing stored.
      column[0] = 99;
      const again = (await (await build()).execute(['column'], { inputs: { x: 2 } })) as { column: Float64Array };
      expect(again.column[0]).to.equal(2);
      let failure: unknown;
      try {
        await dr.execute(['nested'], { inputs: { x: 2 } });
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(HamiltonError);
      expect((failure as Error).message).to.match(/'nested'.*format: 'parquet'/);
    });

    for (const format of ['arrow', 'parquet'] as const) {
      it(`stores a danfo frame as ${format} and takes it from the cache on the next run`, () => {
        const calls: Calls = {};
        const make = () => columnarValues()['a danfo DataFrame'];
        driver(formatted(format, calls, make)).execute(['value'], { inputs: { x: 1 } });
        const second = driver(formatted(format, calls, make));
        const { value } = second.execute(['value'], { inputs: { x: 1 } }) as { value: unknown };
        expect(version(value)).to.equal(version(make()));
        expect(calls.value).to.equal(1);
        expect(logOf(second.cache.logs(), 'value').status).to.equal('hit');
        expect((store.db.prepare('SELECT format FROM results').get() as { format: string }).format).to.equal(`${format}.1`);
      });

      it(`a value ${format} cannot hold at all is a HamiltonError naming the node and the format when the driver runs it`, () => {
        const dr = driver(formatted(format, {}, () => ({ nested: { deep: [1, 2] } })));
        expect(() => dr.execute(['value'], { inputs: { x: 1 } })).to.throw(
          HamiltonError,
          new RegExp(`'value'.*format: '${format}'.*Use format 'v8'`),
        );
      });

      it(`a value of a type ${format} holds but not exactly (a Series with undefined) is not stored: a miss with the reason`, () => {
        const calls: Calls = {};
        const d = danfo();
        const make = () => new d.Series([1, undefined, 3]);
        driver(formatted(format, calls, make)).execute(['value'], { inputs: { x: 1 } });
        const second = driver(formatted(format, calls, make));
        const { value } = second.execute(['value'], { inputs: { x: 1 } }) as { value: unknown };
        expect(version(value)).to.equal(version(make()));
        expect(calls.value).to.equal(2);
        expect(logOf(second.cache.logs(), 'value').reason).to.match(new RegExp(`does not read back equal in format '${format}'`));
      });
    }
  });
});

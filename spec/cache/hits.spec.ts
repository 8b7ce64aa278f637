import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Builder, cache, SQLiteStore, type CacheLogEntry } from 'hamilton-ts';
import { dataVersion } from '../../lib/cache/data-version.js';
import { decodeValue, encodeValue } from '../../lib/cache/formats.js';
import { checksumOf } from '../../lib/cache/hash.js';
import { danfo } from '../../lib/dataframe/danfo.js';

type Calls = Record<string, number>;

function version(value: unknown): string {
  const v = dataVersion(value);
  if (!v.ok) throw new Error(v.reason);
  return v.version;
}

function statusOf(logs: readonly CacheLogEntry[], node: string): CacheLogEntry {
  return logs.find((l) => l.node === node)!;
}

/** A feature set with one node returning `make()`, counting its calls. */
function oneNode(calls: Calls, make: () => unknown, format?: 'json'): Function {
  class One {
    value(x: number): unknown {
      calls.value = (calls.value ?? 0) + 1;
      return x === 1 ? make() : undefined;
    }
  }
  class AsJson {
    @cache({ format: 'json' })
    value(x: number): unknown {
      calls.value = (calls.value ?? 0) + 1;
      return x === 1 ? make() : undefined;
    }
  }
  return format ? AsJson : One;
}

describe('cache hits: what a hit reads, and what it refuses', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-hits-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const driver = (cls: Function) => new Builder().withModules(cls).withCache({ store }).build();
  const storedFormats = () => (store.db.prepare('SELECT format FROM results').all() as { format: string }[]).map((r) => r.format);

  describe('the raw encoding of numeric columns (the default for them)', () => {
    const typed = [
      new Float64Array([1.5, -0, NaN, Infinity, -Infinity, 5e-324]),
      new Float32Array([1.5, -0, NaN]),
      new Int8Array([-128, 0, 127]),
      new Uint8Array([0, 255]),
      new Uint8ClampedArray([0, 255]),
      new Int16Array([-1, 2]),
      new Uint16Array([65535]),
      new Int32Array([-(2 ** 31), 2 ** 31 - 1]),
      new Uint32Array([2 ** 32 - 1]),
      new BigInt64Array([-(2n ** 63n), 1n]),
      new BigUint64Array([2n ** 64n - 1n]),
      new Float64Array(0),
    ];
    for (const array of typed) {
      it(`gives a ${array.constructor.name} of ${array.length} back bit for bit, as a copy`, () => {
        const encoded = encodeValue(array, undefined);
        expect(encoded.encoding).to.equal('raw');
        const back = decodeValue(encoded.bytes, 'raw') as typeof array;
        expect(back.constructor).to.equal(array.constructor);
        expect(version(back)).to.equal(version(array));
        expect(back.buffer).to.not.equal(array.buffer);
      });
    }

    it('keeps a typed array that views part of a larger buffer to its own bytes', () => {
      const whole = new Float64Array([1, 2, 3, 4, 5]);
      const part = whole.subarray(1, 3);
      const back = decodeValue(encodeValue(part, undefined).bytes, 'raw') as Float64Array;
      expect([...back]).to.deep.equal([2, 3]);
    });

    it('gives danfo Series and DataFrames of numbers back with their names, dtypes and index (-0 and NaN included)', () => {
      const d = danfo();
      const values = [
        new d.Series([1.5, -0, NaN, 4]),
        new d.Series([1, 2, 3], { index: ['a', 'b', 'c'], columns: ['spend'] }),
        new d.Series([7, 8], { dtypes: ['int32'] }),
        new d.DataFrame([
          [1, 2.5],
          [-0, NaN],
        ]),
        new d.DataFrame({ a: [1, 2], b: [3, 4] }, { index: [10, 20] }),
      ];
      for (const value of values) {
        const encoded = encodeValue(value, undefined);
        expect(encoded.encoding).to.equal('raw');
        expect(version(decodeValue(encoded.bytes, 'raw'))).to.equal(version(value));
      }
    });

    it('gives any typed array and any Series of doubles (labelled or not) back with the same data version (property)', () => {
      const d = danfo();
      const doubles = fc.array(fc.double(), { maxLength: 30 });
      fc.assert(
        fc.property(fc.float64Array({ maxLength: 40 }), fc.int32Array({ maxLength: 40 }), (floats, ints) => {
          for (const array of [floats, ints]) {
            const encoded = encodeValue(array, undefined);
            expect(encoded.encoding).to.equal('raw');
            expect(version(decodeValue(encoded.bytes, 'raw'))).to.equal(version(array));
          }
        }),
        { numRuns: 100 },
      );
      fc.assert(
        fc.property(
          doubles.filter((values) => values.length > 0),
          fc.boolean(),
          (values, labelled) => {
            const index = labelled ? values.map((_, i) => `r${i}`) : undefined;
            const series = new d.Series(values, index ? { index } : {});
            const encoded = encodeValue(series, undefined);
            expect(encoded.encoding).to.equal('raw');
            expect(version(decodeValue(encoded.bytes, 'raw'))).to.equal(version(series));
          },
        ),
        { numRuns: 60 },
      );
    });

    it('leaves a Series holding anything but numbers to v8', () => {
      const d = danfo();
      for (const values of [
        ['a', 'b'],
        [1, 'b'],
        [true, false],
        [1, undefined],
      ]) {
        expect(encodeValue(new d.Series(values), undefined).encoding).to.equal('v8');
      }
    });

    it('refuses raw bytes that are cut short or written on a host of the other byte order', () => {
      const d = danfo();
      const bytes = encodeValue(new d.Series([1, 2, 3]), undefined).bytes;
      expect(() => decodeValue(bytes.subarray(0, bytes.length - 8), 'raw')).to.throw();
      const header = Buffer.from(bytes)
        .toString('latin1')
        .replace(/"endian":"LE"/, '"endian":"BE"');
      expect(() => decodeValue(Buffer.from(header, 'latin1'), 'raw')).to.throw(/BE host/);
    });
  });

  describe('fail closed', () => {
    it('checks a result when it is stored: a format that loses -0, NaN, undefined or a Date stores nothing, and says so', () => {
      const lossy: unknown[] = [{ zero: -0 }, [NaN], { gone: undefined }, new Date(0), [1, undefined]];
      for (const value of lossy) {
        const calls: Calls = {};
        const cls = oneNode(calls, () => value, 'json');
        driver(cls).execute(['value'], { inputs: { x: 1 } });
        const second = driver(cls);
        const result = second.execute(['value'], { inputs: { x: 1 } }) as { value: unknown };
        expect(version(result.value)).to.equal(version(value));
        expect(calls.value).to.equal(2);
        const log = statusOf(second.cache.logs(), 'value');
        expect(log.status).to.equal('miss');
        expect(log.reason).to.match(/does not read back equal in format 'json'/);
        store.db.prepare('DELETE FROM results').run();
        store.db.prepare('DELETE FROM node_versions').run();
      }
    });

    it('stores what JSON holds exactly, and takes it from the cache', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => ({ a: [1, 'two', null, true], b: { c: 1.5 } }), 'json');
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: { a: [1, 'two', null, true], b: { c: 1.5 } } });
      expect(calls.value).to.equal(1);
      expect(storedFormats()).to.include('json.1');
    });

    it('a corrupt inline result (bytes changed in the database) is a miss, recomputed, never returned', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => ({ small: [1, 2, 3] }));
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      store.db.prepare('UPDATE results SET inline = ?').run(v8.serialize({ kind: 'value', value: { small: [9, 9, 9] } }));
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: { small: [1, 2, 3] } });
      expect(statusOf(second.cache.logs(), 'value').reason).to.match(/corrupt/);
      expect(calls.value).to.equal(2);
    });

    it('a truncated result file is a miss', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => new Float64Array(10_000).map((_, i) => i / 3));
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      const results = path.join(folder, 'results');
      const [sub] = readdirSync(results);
      const [file] = readdirSync(path.join(results, sub));
      const full = path.join(results, sub, file);
      truncateSync(full, Math.floor(statSync(full).size / 2));
      const second = driver(cls);
      const value = (second.execute(['value'], { inputs: { x: 1 } }) as { value: Float64Array }).value;
      expect(value[9_999]).to.equal(9_999 / 3);
      expect(statusOf(second.cache.logs(), 'value').reason).to.match(/corrupt/);
    });

    it('a result deleted between its entry and its read (gc in another process) is a miss', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => [1, 2, 3]);
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      store.db.prepare('DELETE FROM results').run();
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: [1, 2, 3] });
      expect(statusOf(second.cache.logs(), 'value').reason).to.match(/missing/);
      expect(calls.value).to.equal(2);
    });

    it('a result written before results were checked when stored (a legacy format name) is checked when read', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => ({ n: 1 }));
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      // A legacy row whose bytes are sound (right checksum) but hold another value: what a lossy format left.
      const other = v8.serialize({ kind: 'value', value: { n: 2 } });
      store.db.prepare("UPDATE results SET format = 'v8', inline = ?, checksum = ?").run(other, checksumOf(other));
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: { n: 1 } });
      expect(statusOf(second.cache.logs(), 'value').reason).to.match(/does not read back equal/);
      // Stored again, checked: the next run hits.
      const third = driver(cls);
      third.execute(['value'], { inputs: { x: 1 } });
      expect(statusOf(third.cache.logs(), 'value').status).to.equal('hit');
      expect(calls.value).to.equal(2);
    });

    it('a legacy result that reads back equal is still a hit', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => ({ n: 1 }));
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      store.db.prepare("UPDATE results SET format = 'v8'").run();
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: { n: 1 } });
      expect(statusOf(second.cache.logs(), 'value').status).to.equal('hit');
    });

    it('an unknown format name in the store is a miss, not a crash', () => {
      const calls: Calls = {};
      const cls = oneNode(calls, () => ({ n: 1 }));
      driver(cls).execute(['value'], { inputs: { x: 1 } });
      store.db.prepare("UPDATE results SET format = 'xml.1'").run();
      const second = driver(cls);
      expect(second.execute(['value'], { inputs: { x: 1 } })).to.deep.equal({ value: { n: 1 } });
      expect(statusOf(second.cache.logs(), 'value').status).to.equal('miss');
    });
  });

  it('marks a result used when a run reads it, unless it was marked within the last minute (a rewrite of the row costs)', () => {
    const calls: Calls = {};
    const cls = oneNode(calls, () => ({ n: 1 }));
    driver(cls).execute(['value'], { inputs: { x: 1 } });
    const usedAt = () => (store.db.prepare('SELECT used_at FROM results').get() as { used_at: number }).used_at;
    store.db.prepare('UPDATE results SET used_at = ?').run(Date.now() - 30_000);
    const recent = usedAt();
    driver(cls).execute(['value'], { inputs: { x: 1 } });
    expect(usedAt()).to.equal(recent);
    store.db.prepare('UPDATE results SET used_at = ?').run(Date.now() - 3_600_000);
    const before = Date.now();
    driver(cls).execute(['value'], { inputs: { x: 1 } });
    expect(usedAt()).to.be.at.least(before);
    expect(calls.value).to.equal(1);
  });

  it('stores and hits plain data without loading danfo or apache-arrow (a fresh process)', () => {
    const probe = `
      const { mkdtempSync, rmSync } = require('node:fs');
      const path = require('node:path');
      const { Builder } = require('hamilton-ts');
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
      class Plain { value(x) { return { list: [x, 2.5, -0], text: 'a', when: new Date(0), nested: { m: new Map([[1, 2]]) } }; } }
      const folder = mkdtempSync(path.join(require('node:os').tmpdir(), 'hamilton-plain-'));
      const statuses = [];
      for (let run = 0; run < 2; run++) {
        const dr = new Builder().withModules(Plain).withCache({ path: folder }).build();
        dr.execute(['value'], { inputs: { x: 1 } });
        statuses.push(dr.cache.logs()[0].status);
        dr.cache.close();
      }
      rmSync(folder, { recursive: true, force: true });
      process.stdout.write(JSON.stringify({ statuses, danfo: loaded('danfojs'), arrow: loaded('apache-arrow') }));
    `;
    const child = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(child.status, child.stderr).to.equal(0);
    expect(JSON.parse(child.stdout)).to.deep.equal({ statuses: ['miss', 'hit'], danfo: false, arrow: false });
  });

  describe('hit and miss per node against a reference model (property)', () => {
    /**
     * A chain a -> b -> c -> d over an input x; each node adds its own constant. A step edits one node's code
     * (its constant) or changes x; the model: a node is a hit when its code and its input value were seen
     * together before (the cache keeps every version), and its value is always the reference value.
     */
    const NODES = ['a', 'b', 'c', 'd'] as const;
    type Step = { readonly kind: 'code'; readonly node: number; readonly constant: number } | { readonly kind: 'input'; readonly x: number };

    function chain(constants: readonly number[], calls: Calls): Function {
      const body = NODES.map((name, i) => {
        const input = i === 0 ? 'x' : NODES[i - 1];
        return `${name}(${input}) { calls.${name} = (calls.${name} ?? 0) + 1; return ${input} + ${constants[i]}; }`;
      });
      return new Function('calls', `return class Chain {\n${body.join('\n')}\n}`)(calls) as Function;
    }

    it('agrees with the model over random edits of code and inputs', () => {
      const step: fc.Arbitrary<Step> = fc.oneof(
        fc.record({ kind: fc.constant('code' as const), node: fc.integer({ min: 0, max: 3 }), constant: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ kind: fc.constant('input' as const), x: fc.integer({ min: 0, max: 3 }) }),
      );
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
          store.db.exec('DELETE FROM cache_entries; DELETE FROM results; DELETE FROM node_versions;');
          const constants = [1, 1, 1, 1];
          let x = 0;
          const seen = new Set<string>();
          for (const s of [{ kind: 'input', x: 0 } as Step, ...steps]) {
            if (s.kind === 'code') constants[s.node] = s.constant;
            else x = s.x;
            const calls: Calls = {};
            const dr = driver(chain(constants, calls));
            const result = dr.execute(['d'], { inputs: { x } }) as { d: number };
            expect(result.d).to.equal(x + constants.reduce((sum, c) => sum + c, 0));
            const logs = dr.cache.logs();
            let value = x;
            NODES.forEach((name, i) => {
              const key = `${name}|${constants[i]}|${value}`;
              expect(statusOf(logs, name).status, key).to.equal(seen.has(key) ? 'hit' : 'miss');
              expect(calls[name] ?? 0).to.equal(seen.has(key) ? 0 : 1);
              seen.add(key);
              value += constants[i];
            });
          }
        }),
        { numRuns: 25 },
      );
    });
  });
});

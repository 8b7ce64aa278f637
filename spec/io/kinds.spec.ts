import { expect } from 'chai';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table as ArrowTable } from 'apache-arrow';
import { Builder, from, HamiltonError, ioKindNames, IoRecorder, node, registerIoKind, to } from 'hamilton-ts';
import { contentHash } from '../../lib/metadata/content-hash.js';
import { writeAtomically } from '../../lib/io/files.js';

class Table {
  @node()
  table(): Record<string, unknown[]> {
    return { id: [1, 2, 3], name: ['a', 'b', 'c'], score: [0.5, 1.5, 2.25] };
  }
  @node()
  sum(table: Record<string, unknown>): number {
    return table === undefined ? 0 : 1;
  }
}

/** Saves the Table's `table` with `to.<kind>` and reads it back as node `table` with `from.<kind>`. */
function roundTrip(kind: string, args: Record<string, unknown>): unknown {
  const dr = new Builder().withModules(Table).build();
  const factories = { to: to as unknown as Record<string, (o: object) => never>, from: from as unknown as Record<string, (o: object) => never> };
  dr.materialize([factories.to[kind]({ id: 'save', dependencies: ['table'], ...args })]);
  const [, values] = dr.materialize([factories.from[kind]({ target: 'table', ...args })], { additionalVars: ['table'] });
  return values.table;
}

const ROWS = [
  { id: 1, name: 'a', score: 0.5 },
  { id: 2, name: 'b', score: 1.5 },
  { id: 3, name: 'c', score: 2.25 },
];

describe('io/kinds: each built-in kind round-trips a table through its library', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hamilton-kinds-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the registry lists the built-in kinds', () => {
    expect(ioKindNames()).to.include.members(['csv', 'json', 'jsonl', 'parquet', 'arrow', 'sqlite', 'postgres']);
  });

  it('csv, jsonl and sqlite give rows back', () => {
    expect(roundTrip('csv', { path: join(dir, 't.csv') })).to.deep.equal(ROWS);
    expect(roundTrip('jsonl', { path: join(dir, 't.jsonl') })).to.deep.equal(ROWS);
    expect(roundTrip('sqlite', { path: join(dir, 't.sqlite'), table: 'scores' })).to.deep.equal(ROWS);
  });

  it('parquet and arrow give Arrow tables back, same columns and values', () => {
    for (const [kind, file] of [
      ['parquet', 't.parquet'],
      ['arrow', 't.arrow'],
    ]) {
      const table = roundTrip(kind, { path: join(dir, file) }) as ArrowTable;
      expect(table.numRows, kind).to.equal(3);
      expect(table.toArray().map((row) => ({ ...row.toJSON() }))).to.deep.equal(ROWS);
    }
  });

  it('csv round-trips any table of integers and plain words (fast-check against the rows themselves)', () => {
    const path = join(dir, 'p.csv');
    const row = fc.record({ n: fc.integer({ min: -1e6, max: 1e6 }), w: fc.stringMatching(/^[a-z]{1,8}$/) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        class Rows {
          @node()
          data(): typeof rows {
            return rows;
          }
        }
        const dr = new Builder().withModules(Rows).build();
        dr.materialize([to.csv({ id: 's', dependencies: ['data'], path })]);
        const [, values] = dr.materialize([from.csv({ target: 'data', path })], { additionalVars: ['data'] });
        expect(values.data).to.deep.equal(rows);
      }),
      { numRuns: 25 },
    );
  });

  it('a text save (csv, json, jsonl) records the size and content hash of the bytes on disk, and a load of them records the same', () => {
    class Words {
      @node()
      words(): Record<string, unknown>[] {
        return [
          { id: 1, word: 'café' },
          { id: 2, word: 'naïve, "quoted"' },
          { id: 3, word: '日本' },
        ];
      }
    }
    const dr = new Builder().withModules(Words).build();
    for (const kind of ['csv', 'json', 'jsonl']) {
      const path = join(dir, `words.${kind}`);
      const factories = { to: to as unknown as Record<string, (o: object) => never>, from: from as unknown as Record<string, (o: object) => never> };
      const [saved] = dr.materialize([factories.to[kind]({ id: 'save', dependencies: ['words'], path })]);
      const onDisk = readFileSync(path);
      expect(saved.save, kind).to.include({ bytes: onDisk.length, contentHash: contentHash(onDisk) });
      const io = new IoRecorder();
      const reader = new Builder().withModules(Words).withAdapters(io).build();
      const [, values] = reader.materialize([factories.from[kind]({ target: 'words', path })], { additionalVars: ['words'] });
      expect(values.words, kind).to.deep.equal(dr.execute(['words']).words);
      expect(io.records()[0], kind).to.include({ bytes: onDisk.length, contentHash: saved.save.contentHash });
    }
  });

  it('a save that fails midway leaves neither the file nor a temporary one, and an existing file stays', () => {
    const path = join(dir, 'keep.txt');
    writeFileSync(path, 'old');
    expect(() =>
      writeAtomically(
        path,
        (temporary) => {
          writeFileSync(temporary, 'half');
          throw new Error('disk full');
        },
        'saveKeep',
      ),
    ).to.throw(HamiltonError, /Saver 'saveKeep' could not write .*keep\.txt.*disk full/);
    expect(readdirSync(dir)).to.deep.equal(['keep.txt']);
    expect(existsSync(path)).to.equal(true);
  });

  it('a saver given something that is not a table names the saver and what it got', () => {
    class Bad {
      @node()
      value(): number {
        return 3;
      }
    }
    const dr = new Builder().withModules(Bad).build();
    expect(() => dr.materialize([to.csv({ id: 'saveValue', dependencies: ['value'], path: join(dir, 'v.csv') })])).to.throw(
      HamiltonError,
      /saveValue.*csv.*number 3/s,
    );
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('a user kind takes a few lines and works with loadFrom/saveTo/from/to', () => {
    const store = new Map<string, unknown>();
    registerIoKind<{ key: string }>(
      {
        name: 'memory',
        location: 'key',
        load: ({ key }) => [
          store.get(key),
          { operation: 'load', kind: 'memory', uri: `memory:${key}`, format: 'memory', time: new Date().toISOString(), durationMs: 0 },
        ],
        save: (data, { key }) => (
          store.set(key, data),
          { operation: 'save', kind: 'memory', uri: `memory:${key}`, format: 'memory', time: new Date().toISOString(), durationMs: 0 }
        ),
      },
      { replace: true },
    );
    const dr = new Builder().withModules(Table).build();
    const [metadata] = dr.materialize([
      (to as unknown as Record<string, (o: object) => never>).memory({ id: 'keep', dependencies: ['sum'], key: 'k' }),
    ]);
    expect(store.get('k')).to.equal(1);
    expect(metadata.keep.uri).to.equal('memory:k');
    expect(() => registerIoKind({ name: 'memory', load: () => [1, {}] as never })).to.throw(HamiltonError, /exists already/);
    expect(() => registerIoKind({ name: 'nothing' })).to.throw(HamiltonError, /needs a load function, a save function or both/);
  });

  it("registerIoKind returns the kind's four factories, typed by it, which make the same nodes as loadFrom.<name> and its kin", () => {
    const store = new Map<string, number[]>([['week', [3, 4]]]);
    const record = (operation: 'load' | 'save', key: string) =>
      ({ operation, kind: 'numbers', uri: `numbers:${key}`, format: 'numbers', time: new Date().toISOString(), durationMs: 0 }) as const;
    const numbers = registerIoKind<{ readonly key: string }, number[]>(
      {
        name: 'numbers',
        location: 'key',
        load: ({ key }) => [store.get(key) ?? [], record('load', key)],
        save: (data, { key }) => (store.set(key, data as number[]), record('save', key)),
      },
      { replace: true },
    );
    class Weeks {
      @numbers.loadFrom({ key: 'week' })
      @numbers.saveTo({ id: 'saveTotal', key: 'total' })
      total(week: number[]): number[] {
        return [week.reduce((a, b) => a + b, 0)];
      }
      @node()
      other(): number[] {
        return [0];
      }
    }
    const dr = new Builder().withModules(Weeks).build();
    const ran = dr.execute(['total', 'saveTotal']) as unknown as { total: number[] };
    expect(ran.total).to.deep.equal([7]);
    expect(store.get('total')).to.deep.equal([7]);
    expect(dr.listAvailableVariables().find((v) => v.name === 'total.week.loader')?.tags).to.include({ 'hamilton.data_loader.source': 'week' });
    const [metadata, values] = dr.materialize(
      [numbers.from({ target: 'other', key: 'week' }), numbers.to({ id: 'keep', dependencies: ['other'], key: 'kept' })],
      {
        additionalVars: ['other'],
      },
    );
    expect(values.other).to.deep.equal([3, 4]);
    expect(store.get('kept')).to.deep.equal([3, 4]);
    expect(metadata.keep).to.include({ uri: 'numbers:kept', node: 'keep' });
  });
});

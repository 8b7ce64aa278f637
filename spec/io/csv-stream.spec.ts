import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, DictResult, HamiltonError, IoRecorder, from, loadFrom, node, source, type IoMetadata } from 'hamilton-ts';
import { inSyncRun } from '../../lib/execution/sync-run.js';
import { csvKind } from '../../lib/io/kinds/csv.js';
import { streamCsv } from '../../lib/io/kinds/csv-stream.js';
import { parse as csvParseSync } from 'csv-parse/sync';
import { contentHash, contentHasher } from '../../lib/metadata/content-hash.js';

/** A record without the two fields that differ between any two loads (when and how long). */
function comparable(record: IoMetadata | undefined): Omit<IoMetadata, 'time' | 'durationMs'> {
  expect(record, 'a load record').to.not.equal(undefined);
  const { time: _time, durationMs: _duration, ...rest } = record!;
  return rest;
}

/**
 * A CSV of `rows` rows with integers, decimals, words, dates, quoted fields holding the delimiter and a newline,
 * and two-byte characters; a first line padded so that byte 65,536 (where the stream's first chunk ends) falls
 * inside a two-byte character, so a character split across chunks is read back whole.
 */
function mixedCsv(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const note = i % 7 === 0 ? `"said ""hi"", then\nleft"` : `café ${i}`;
    lines.push(`${i},${(i * 1.25).toFixed(2)},${i % 2 === 0},2024-01-${String((i % 28) + 1).padStart(2, '0')},été-${i % 5},${note}\n`);
  }
  const split = 65_535; // a two-byte character starting here ends in the stream's second chunk
  for (let pad = 0; pad < 64; pad++) {
    const padded = `id,price,active,day,label,note\n${lines.join('')}`.replace(',été-0,', `,${'x'.repeat(pad)}été-0,`);
    const bytes = Buffer.from(padded);
    if (bytes[split] >= 0xc2 && bytes[split] < 0xe0) return padded;
  }
  throw new Error('no padding puts a two-byte character across the first chunk boundary');
}

class Spend {
  @loadFrom.csv({ path: source('file'), inject: 'rows' })
  @node()
  spend(rows: Record<string, unknown>[]): Record<string, unknown>[] {
    return rows;
  }
  @node()
  marks(spend: Record<string, unknown>[]): boolean[] {
    return spend.map(() => inSyncRun());
  }
}

describe('io/csv streaming: the AsyncDriver streams a CSV load, the sync Driver parses it at once, same result', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'hamilton-csv-stream-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the same file through both drivers gives equal values and equal metadata (rows, schema, bytes, content hash)', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, mixedCsv(5_000));
    const syncRecorder = new IoRecorder();
    const asyncRecorder = new IoRecorder();
    const dr = new Builder().withModules(Spend).withResultBuilder(new DictResult()).withAdapters(syncRecorder).build();
    const adr = await new Builder().withModules(Spend).withResultBuilder(new DictResult()).withAdapters(asyncRecorder).buildAsync();
    const viaSync = dr.execute(['spend', 'marks'], { inputs: { file } });
    const viaAsync = await adr.execute(['spend', 'marks'], { inputs: { file } });

    const rows = viaSync.spend;
    expect(rows).to.have.length(5_000);
    expect(viaAsync.spend).to.deep.equal(rows);
    // csv-parse's cast makes numbers; other fields stay text.
    expect(rows[7]).to.deep.include({ id: 7, price: 8.75, active: 'false', day: '2024-01-08', note: 'said "hi", then\nleft' });
    expect(rows.every((row) => typeof row.label === 'string' && /^x*été-\d$/.test(row.label))).to.equal(true);
    // The run marker that chose the way: set in the sync run, not in the async one.
    expect(viaSync.marks[0]).to.equal(true);
    expect(viaAsync.marks[0]).to.equal(false);

    const [syncRecord] = syncRecorder.records();
    const [asyncRecord] = asyncRecorder.records();
    expect(comparable(asyncRecord)).to.deep.equal(comparable(syncRecord));
    expect(syncRecord).to.deep.include({ rows: 5_000, bytes: Buffer.byteLength(mixedCsv(5_000)), contentHash: contentHash(mixedCsv(5_000)) });
  });

  it('from.csv in materialize streams under the AsyncDriver too, with the same values', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'a,b\n1,x\n2,y\n');
    class Uses {
      @node()
      rows(): Record<string, unknown>[] {
        return [];
      }
      @node()
      count(rows: Record<string, unknown>[]): number {
        return rows.length;
      }
    }
    const adr = await new Builder().withModules(Uses).buildAsync();
    const dr = new Builder().withModules(Uses).build();
    const materializers = [from.csv({ target: 'rows', path: file })];
    const [, asyncValues] = await adr.materialize(materializers, { additionalVars: ['rows', 'count'] });
    const [, syncValues] = dr.materialize(materializers, { additionalVars: ['rows', 'count'] });
    expect(asyncValues).to.deep.equal({
      rows: [
        { a: 1, b: 'x' },
        { a: 2, b: 'y' },
      ],
      count: 2,
    });
    expect(syncValues).to.deep.equal(asyncValues);
  });

  it('a sync Driver run inside an AsyncDriver node parses at once, while the AsyncDriver around it streams', async () => {
    const file = join(dir, 'nested.csv');
    writeFileSync(file, 'a,b\n1,x\n2,y\n3,z\n');
    const inner = new Builder().withModules(Spend).withResultBuilder(new DictResult()).build();
    class Outer {
      @node()
      async innerCount(file: string): Promise<number> {
        await Promise.resolve(); // an await first: the sync run starts from a continuation of the async one
        return inner.execute(['spend'], { inputs: { file } }).spend.length;
      }
      @node()
      afterInner(innerCount: number, marks: boolean[]): string {
        return `${innerCount}:${marks.join(',')}`;
      }
    }
    const adr = await new Builder().withModules(Outer, Spend).withResultBuilder(new DictResult()).buildAsync();
    const result = await adr.execute(['afterInner'], { inputs: { file } });
    // The inner sync run would have refused a promise from its loader; the outer run's nodes, which run around it, see an async run.
    expect(result.afterInner).to.equal('3:false,false,false');
  });

  it('an event-loop timer keeps ticking during a large async load (and never during the sync parse)', async () => {
    const file = join(dir, 'large.csv');
    const lines = ['a,b,c,d\n'];
    for (let i = 0; i < 120_000; i++) lines.push(`${i},${i * 0.5},w${i},${i % 3}\n`);
    writeFileSync(file, lines.join('')); // about 3 MB: some 50 chunks of 64 KB
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const adr = await new Builder().withModules(Spend).withResultBuilder(new DictResult()).buildAsync();
      const before = ticks;
      const result = await adr.execute(['spend'], { inputs: { file } });
      const during = ticks - before;
      expect(result.spend).to.have.length(120_000);
      expect(during, 'timer ticks while the AsyncDriver loaded').to.be.at.least(5);

      const dr = new Builder().withModules(Spend).withResultBuilder(new DictResult()).build();
      const beforeSync = ticks;
      expect(dr.execute(['spend'], { inputs: { file } }).spend).to.have.length(120_000);
      expect(ticks - beforeSync, 'a synchronous parse holds the event loop').to.equal(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('a malformed row mid-file (past the first chunk) fails naming the loader, the file and its line, both ways', async () => {
    const file = join(dir, 'broken.csv');
    const lines = ['a,b,c\n'];
    for (let i = 2; i <= 9_000; i++) lines.push(i === 8_123 ? `${i},1,2,3\n` : `${i},1,2\n`);
    writeFileSync(file, lines.join(''));
    const expected = /spend\.rows\.loader.*broken\.csv at line 8123/s;
    const dr = new Builder().withModules(Spend).build();
    expect(() => dr.execute(['spend'], { inputs: { file } })).to.throw(HamiltonError, expected);
    const adr = await new Builder().withModules(Spend).buildAsync();
    const error = await adr.execute(['spend'], { inputs: { file } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message).to.match(expected);
  });

  it('a bad quote mid-file is named by its line and column, both ways', async () => {
    const file = join(dir, 'quote.csv');
    const lines = ['a,b,c\n'];
    for (let i = 2; i <= 6_000; i++) lines.push(i === 5_432 ? `${i},"x"y,2\n` : `${i},1,2\n`);
    writeFileSync(file, lines.join(''));
    const expected = /spend\.rows\.loader.*quote\.csv at line 5432, column 'b': Invalid Closing Quote/s;
    expect(() => new Builder().withModules(Spend).build().execute(['spend'], { inputs: { file } })).to.throw(HamiltonError, expected);
    const adr = await new Builder().withModules(Spend).buildAsync();
    const message = await adr.execute(['spend'], { inputs: { file } }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).to.match(expected);
  });

  it('an unclosed quote at the end of the file is named with its line, both ways', async () => {
    const file = join(dir, 'unclosed.csv');
    writeFileSync(file, 'a,b\n1,2\n3,"four\n');
    const dr = new Builder().withModules(Spend).build();
    const adr = await new Builder().withModules(Spend).buildAsync();
    let syncMessage = '';
    try {
      dr.execute(['spend'], { inputs: { file } });
    } catch (error) {
      syncMessage = (error as Error).message;
    }
    const asyncMessage = await adr.execute(['spend'], { inputs: { file } }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(syncMessage).to.match(/spend\.rows\.loader.*unclosed\.csv at line \d+/s);
    expect(asyncMessage).to.equal(syncMessage);
  });

  it('a missing file is an error naming the loader and the file under the AsyncDriver, as under the Driver', async () => {
    const file = join(dir, 'absent.csv');
    const dr = new Builder().withModules(Spend).build();
    let syncMessage = '';
    try {
      dr.execute(['spend'], { inputs: { file } });
    } catch (error) {
      syncMessage = (error as Error).message;
    }
    const adr = await new Builder().withModules(Spend).buildAsync();
    const asyncError = await adr.execute(['spend'], { inputs: { file } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(asyncError).to.be.instanceOf(HamiltonError);
    expect(syncMessage).to.match(/Loader 'spend\.rows\.loader' could not read file:\/\/.*absent\.csv: ENOENT/);
    expect((asyncError as Error).message).to.equal(syncMessage);
  });

  it('the kind called by hand is synchronous unless told the caller awaits (plain JavaScript keeps working)', async () => {
    const file = join(dir, 'hand.csv');
    writeFileSync(file, 'a\n1\n');
    const loaded = csvKind.load!({ path: file }, { node: 'byHand' });
    expect(Array.isArray(loaded)).to.equal(true);
    const streamed = csvKind.load!({ path: file }, { node: 'byHand', async: true });
    expect(streamed).to.be.instanceOf(Promise);
    expect((await streamed)[0]).to.deep.equal((loaded as readonly [unknown, IoMetadata])[0]);
  });

  it('streamed in chunks of any size, any CSV gives the rows, byte count and hash of the one-shot parse (fast-check)', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('é', '日本', '"', '""', ',', '\n', '\r\n', ' ', '1.5', '-3', 'a"b'),
      fc.integer().map(String),
    );
    const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((columns) =>
            fc.tuple(fc.array(fc.array(field, { minLength: columns, maxLength: columns }), { maxLength: 12 }), fc.constant(columns)),
          ),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('\n', '\r\n'),
        async ([rows, columns], chunkBytes, newline) => {
          const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
          const text = [header, ...rows.map((row) => row.map(quoted).join(','))].join(newline) + newline;
          const file = join(dir, 'property.csv');
          writeFileSync(file, text);
          const options = { columns: true as const, cast: true, delimiter: ',', skip_empty_lines: true as const };
          const whole = Buffer.from(text);
          const expected = csvParseSync(whole, options);
          const fail = { read: (e: Error) => e, parse: (e: Error) => e };
          const streamed = await streamCsv(file, options, fail, chunkBytes);
          expect(streamed.rows).to.deep.equal(expected);
          expect(streamed.bytes).to.equal(whole.length);
          expect(streamed.contentHash).to.equal(contentHash(whole));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('contentHasher over any split of the bytes equals contentHash of the whole (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.array(fc.nat(2_000), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const hasher = contentHasher();
        let start = 0;
        for (const point of [...points, bytes.length]) {
          hasher.update(bytes.subarray(start, point));
          start = point;
        }
        expect(hasher.digest()).to.equal(contentHash(bytes));
      }),
    );
  });
});

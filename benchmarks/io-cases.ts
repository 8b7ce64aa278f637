/**
 * `--only=io`, part 2: loading and saving `rows` x 10 float columns as CSV and Parquet, through loader and saver
 * nodes against the same library calls made directly; and the CSV load streamed under the AsyncDriver against
 * csv-parse's streaming API called directly. Each case runs in a fresh node process that loads this module only
 * (not danfo, whose TensorFlow library changes how freed memory is kept: a streamed load of 1M rows peaked at 560 MB
 * beside it against 380 MB without), so its peak memory (max RSS) is its own.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as Arrow from 'apache-arrow';
import { Builder, DictResult, loadFrom, node, saveTo, source } from 'hamilton-ts';
import { collectGarbage, count, fixed, median, printTable } from './report.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer of the package, a devDependency here
const arrow = require('apache-arrow') as typeof Arrow;

type Column = Float64Array;

const IO_COLUMNS = 10;
type Format = 'csv' | 'parquet';
/** `stream`: a load under the AsyncDriver, which streams a CSV file (csv-parse's streaming API) instead of parsing it at once. */
type Operation = 'load' | 'save' | 'stream';
type Way = 'node' | 'direct';
/** `timing`: both ways interleaved in one process; `memory`: one way, one call, for the process's peak RSS. */
type Mode = { readonly timing: true } | { readonly timing: false; readonly way: Way };
interface IoCase {
  readonly format: Format;
  readonly operation: Operation;
  readonly mode: Mode;
  readonly rows: number;
  readonly runs: number;
  readonly file: string;
}
interface IoResult {
  readonly nodeMs?: number;
  readonly directMs?: number;
  readonly maxRssMb: number;
}

/** `rows` x 10 columns of prices (two decimals), seeded so every process makes the same table. */
function ioColumns(rows: number): Record<string, Column> {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const columns: Record<string, Column> = {};
  for (let c = 0; c < IO_COLUMNS; c++) columns[`x${c}`] = Float64Array.from({ length: rows }, () => Math.round(random() * 1e6) / 100);
  return columns;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peers of the package, devDependencies here
const csvParse = () => require('csv-parse/sync') as typeof import('csv-parse/sync');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const csvStringify = () => require('csv-stringify/sync') as typeof import('csv-stringify/sync');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const csvParseStream = () => require('csv-parse') as typeof import('csv-parse');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const parquetWasm = () => require('parquet-wasm/node') as typeof import('parquet-wasm/node');

/** csv-parse's options for both direct loads: what the csv kind passes it by default. */
const CSV_OPTIONS = { columns: true, cast: true, delimiter: ',', skip_empty_lines: true } as const;

/** csv-parse's streaming API over a file stream, rows taken from 'data' events: the fastest way it offers to stream. */
function streamCsvDirectly(file: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, unknown>[] = [];
    const parser = csvParseStream().parse<Record<string, unknown>>(CSV_OPTIONS);
    const input = createReadStream(file, { highWaterMark: 1 << 16 });
    input.on('error', reject);
    parser.on('error', reject).on('end', () => resolve(rows));
    parser.on('data', (row: Record<string, unknown>) => rows.push(row));
    input.pipe(parser);
  });
}

/** The libraries called directly, as a user would without hamilton-ts. */
const direct: Record<Format, Partial<Record<Operation, (file: string, columns: Record<string, Column>) => unknown>>> = {
  csv: {
    load: (file) => csvParse().parse(readFileSync(file), CSV_OPTIONS),
    stream: (file) => streamCsvDirectly(file),
    save: (file, columns) => {
      const names = Object.keys(columns);
      const rows = columns[names[0]].length;
      const arrays = names.map((n) => columns[n]);
      const records = Array.from({ length: rows }, (_, r) => arrays.map((column) => column[r]));
      writeFileSync(file, csvStringify().stringify(records, { header: true, columns: names, delimiter: ',' }));
    },
  },
  parquet: {
    load: (file) => arrow.tableFromIPC(parquetWasm().readParquet(readFileSync(file)).intoIPCStream()),
    save: (file, columns) => {
      const table = new arrow.Table(Object.fromEntries(Object.entries(columns).map(([n, c]) => [n, arrow.makeVector(c)])));
      const wasm = parquetWasm();
      writeFileSync(file, wasm.writeParquet(wasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'))));
    },
  },
};

class CsvIo {
  @loadFrom.csv({ path: source('file'), inject: 'rows' })
  @node()
  loaded(rows: unknown[]): number {
    return rows.length;
  }
  @saveTo.csv({ id: 'saved', path: source('file') })
  @node()
  table(columns: Record<string, Column>): Record<string, Column> {
    return columns;
  }
}

class ParquetIo {
  @loadFrom.parquet({ path: source('file'), inject: 'data' })
  @node()
  loaded(data: Arrow.Table): number {
    return data.numRows;
  }
  @saveTo.parquet({ id: 'saved', path: source('file') })
  @node()
  table(columns: Record<string, Column>): Record<string, Column> {
    return columns;
  }
}

/** The call of one case, one way; a load reads a file written beforehand by the library. */
async function callOf(spec: IoCase, way: Way, columns: Record<string, Column>): Promise<() => unknown> {
  const call = direct[spec.format][spec.operation]!;
  if (way === 'direct') return () => call(spec.file, columns);
  const builder = new Builder().withModules(spec.format === 'csv' ? CsvIo : ParquetIo).withResultBuilder(new DictResult());
  const output = spec.operation === 'save' ? 'saved' : 'loaded';
  const inputs = spec.operation === 'save' ? { file: spec.file, columns } : { file: spec.file };
  if (spec.operation === 'stream') {
    const adr = await builder.buildAsync();
    return () => adr.execute([output], { inputs });
  }
  const dr = builder.build();
  return () => dr.execute([output], { inputs });
}

/** How long a call takes, awaiting it when it gives a promise. */
async function timedCall(call: () => unknown): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

/**
 * Runs one case in this process. Timing: both ways, a warm-up each, then `runs` repetitions interleaved
 * (alternating which goes first) so the machine's drift bills both alike. Memory: one call of one way.
 */
async function runCase(spec: IoCase): Promise<IoResult> {
  // A load's memory process needs no table: only what the load itself holds counts.
  const columns = spec.operation !== 'save' && !spec.mode.timing ? {} : ioColumns(spec.rows);
  // The file to load; the memory processes run after the timing one, which left it, so their peak is the load's alone.
  if (spec.operation !== 'save' && spec.mode.timing) direct[spec.format].save!(spec.file, columns);
  if (!spec.mode.timing) {
    await (
      await callOf(spec, spec.mode.way, columns)
    )();
    return { maxRssMb: process.resourceUsage().maxRSS / 1024 };
  }
  const calls = { node: await callOf(spec, 'node', columns), direct: await callOf(spec, 'direct', columns) };
  await calls.node();
  await calls.direct();
  const times: Record<Way, number[]> = { node: [], direct: [] };
  for (let r = 0; r < spec.runs; r++) {
    const order: Way[] = r % 2 ? ['direct', 'node'] : ['node', 'direct'];
    for (const way of order) {
      collectGarbage();
      times[way].push(await timedCall(calls[way]));
    }
  }
  return { nodeMs: median(times.node), directMs: median(times.direct), maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function inChild(spec: IoCase): IoResult {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--io-case', JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`io case ${spec.format} ${spec.operation} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as IoResult;
}

/** `runs` of each CSV case; Parquet is about 15x faster, so it gets three times as many (its ratio is noisier). */
export function runLoadSave(rows: number, runs: number): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'hamilton-bench-io-'));
  try {
    const table: string[][] = [];
    const cases: [Format, Operation][] = [
      ['csv', 'load'],
      ['csv', 'stream'],
      ['csv', 'save'],
      ['parquet', 'load'],
      ['parquet', 'save'],
    ];
    for (const [format, operation] of cases) {
      const file = path.join(dir, `${operation}.${format}`);
      const timing = inChild({ format, operation, mode: { timing: true }, rows, runs: format === 'csv' ? runs : runs * 3, file });
      // Peak RSS depends on when the collector runs (one process's figure varied by a quarter): the median of three.
      const peak = (way: Way) => median([0, 1, 2].map(() => inChild({ format, operation, mode: { timing: false, way }, rows, runs, file }).maxRssMb));
      table.push([
        operation === 'stream' ? `${format} load, AsyncDriver (streamed)` : `${format} ${operation}`,
        fixed(timing.nodeMs!, 0),
        fixed(timing.directMs!, 0),
        fixed(timing.nodeMs! / timing.directMs!, 3),
        fixed(peak('node'), 0),
        fixed(peak('direct'), 0),
      ]);
    }
    printTable(
      `Loading and saving ${count(rows)} rows x ${IO_COLUMNS} float columns (median of ${runs} (CSV) or ${runs * 3} (Parquet) interleaved runs after a warm-up, ms; peak RSS of a process doing it once (a save also makes the table), median of three processes, MB)`,
      ['case', 'loader/saver node', 'library directly', 'ratio', 'peak MB (node)', 'peak MB (direct)'],
      table,
      [
        'Nodes add the metadata record (xxh3 content hash of the bytes, schema), a temporary file renamed into place, and the Driver. Target ratio <= 1.1.',
        'csv-stringify takes rows, so both sides turn the columns into row arrays first.',
        "The streamed load's direct side is csv-parse's streaming API over a file stream (rows from its 'data' events), the sync loads' is its one-shot parse.",
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--io-case') {
  void runCase(JSON.parse(process.argv[3]) as IoCase).then((result) => process.stdout.write(`\n${JSON.stringify(result)}\n`));
}

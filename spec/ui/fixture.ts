import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, SQLiteStore } from 'hamilton-ts';
import { RunTracker } from '../../lib/tracking/run-tracker.js';

/** The shop's dataflow as first written: orders from a path and a minimum, revenue and a report. */
export class ShopV1 {
  rawOrders(ordersPath: string, minimum: number): number[] {
    return [12, 30, 7, 55].map((n) => n + ordersPath.length).concat(minimum);
  }
  bigOrders(rawOrders: number[], minimum: number): number[] {
    return rawOrders.filter((n) => n >= minimum);
  }
  revenue(bigOrders: number[]): number {
    return bigOrders.reduce((a, b) => a + b, 0);
  }
  report(revenue: number, bigOrders: number[]): string {
    if (bigOrders.length === 0) throw new Error(`no order reaches the minimum (revenue ${revenue})`);
    return `${bigOrders.length} orders, ${revenue}`;
  }
}

/** The same dataflow with `bigOrders` edited (a strict bound, which leaves out the minimum itself): its code version changes, nothing else's. */
export class ShopV2 {
  rawOrders(ordersPath: string, minimum: number): number[] {
    return [12, 30, 7, 55].map((n) => n + ordersPath.length).concat(minimum);
  }
  bigOrders(rawOrders: number[], minimum: number): number[] {
    return rawOrders.filter((n) => n > minimum);
  }
  revenue(bigOrders: number[]): number {
    return bigOrders.reduce((a, b) => a + b, 0);
  }
  report(revenue: number, bigOrders: number[]): string {
    if (bigOrders.length === 0) throw new Error(`no order reaches the minimum (revenue ${revenue})`);
    return `${bigOrders.length} orders, ${revenue}`;
  }
}

/** A small dataflow tracked without a cache: the store has no versions or edges for it. */
export class Plain {
  doubled(x: number): number {
    return x * 2;
  }
}

export interface ShopStore {
  readonly folder: string;
  /** Run ids in the order they ran: first, new input, edited code, failed; `plain` for the untracked graph. */
  readonly runs: { readonly first: string; readonly newInput: string; readonly edited: string; readonly failed: string; readonly plain: string };
  remove(): void;
}

/** Fills a fresh store with tracked, cached runs of the shop (and one plain run of another project). */
export async function shopStore(): Promise<ShopStore> {
  const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-ui-'));
  const store = new SQLiteStore(folder);
  const run = async (shop: typeof ShopV1, tags: Record<string, string>, inputs: Record<string, unknown>): Promise<string> => {
    const tracker = new RunTracker({ project: 'shop', store, tags, capture: 'statistics' });
    const dr = new Builder().withModules(shop).withCache({ store }).withAdapters(tracker).build();
    try {
      dr.execute(['report', 'revenue'], { inputs });
    } catch {
      // The failed run is part of the fixture.
    }
    await tracker.flush();
    return dr.cache.lastRunId!;
  };
  const first = await run(ShopV1, { env: 'dev', note: '<b>first</b>' }, { ordersPath: 'a.csv', minimum: 10 });
  const newInput = await run(ShopV1, { env: 'dev' }, { ordersPath: 'orders.csv', minimum: 17 });
  const edited = await run(ShopV2, { env: 'prod' }, { ordersPath: 'orders.csv', minimum: 17 });
  const failed = await run(ShopV2, { env: 'prod' }, { ordersPath: 'orders.csv', minimum: 20000 });
  const tracker = new RunTracker({ project: 'plain', store });
  const dr = new Builder().withModules(Plain).withAdapters(tracker).build();
  dr.execute(['doubled'], { inputs: { x: 2 } });
  await tracker.flush();
  const plain = (store.db.prepare("SELECT run_id FROM runs WHERE project = 'plain'").get() as { run_id: string }).run_id;
  store.close();
  return { folder, runs: { first, newInput, edited, failed, plain }, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Runs `hamilton-ts ui --store <store> --port 0` as a process, hands `visit` the URL it serves and what it
 * printed, then stops it with SIGTERM; resolves to its exit code (killed outright if `visit` fails).
 */
export async function servedByCli(store: string, visit: (url: string, printed: string) => Promise<void>): Promise<number | null> {
  const main = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
  const child = spawn(process.execPath, [main, 'ui', '--store', store, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (found) resolve(found[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
    });
    await visit(url, out);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    return await exited;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

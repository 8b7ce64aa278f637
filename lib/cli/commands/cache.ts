import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { clearCache, collectGarbage, listCache, type CacheListing } from '../../cache/maintenance.js';
import { CacheMessages } from '../../cache/messages.js';
import { DATABASE_FILE, DEFAULT_STORE_PATH, isPostgresUrl, storeOf, type Store } from '../../cache/store.js';
import { CliUsageError } from '../errors.js';
import { emit } from '../output.js';

interface StoreOptions {
  readonly store: string;
}

interface ListOptions extends StoreOptions {
  readonly json?: boolean;
}

interface GcOptions extends StoreOptions {
  readonly olderThan?: string;
  readonly maxSize?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MEGABYTE = 1024 * 1024;

/** `cache ls | clear | gc`: what a store's cache holds, forgetting all of it, and evicting by age or size. */
export function registerCache(program: Command): void {
  const cache = program.command('cache').description("inspect and trim a store's cache (Builder.withCache)");
  const storeOption = (command: Command): Command =>
    command.option('-s, --store <folder|url>', 'the store folder (Builder.withCache({ path })) or a postgres:// URL', DEFAULT_STORE_PATH);

  storeOption(cache.command('ls').description('count cache entries, stored results and runs, per node'))
    .option('--json', 'print JSON instead of a table')
    .action((options: ListOptions) =>
      withStore(options.store, (store) => {
        const listing = listCache(store);
        emit(options.json ? JSON.stringify(listing, null, 2) : describeListing(listing));
      }),
    );

  storeOption(cache.command('clear').description("forget every cached result (the run tracker's records are kept)")).action((options: StoreOptions) =>
    withStore(options.store, (store) => {
      clearCache(store);
      emit(CacheMessages.cli.cleared(store.path));
    }),
  );

  storeOption(
    cache.command('gc').description('remove results no entry uses and stray files, then evict results by age (--older-than) and size (--max-size)'),
  )
    .option('--older-than <days>', 'evict results not used for this many days')
    .option('--max-size <megabytes>', 'evict least recently used results until the stored results take at most this much')
    .action((options: GcOptions) => {
      const olderThanMs = options.olderThan === undefined ? undefined : positive(options.olderThan, CacheMessages.cli.badAge) * DAY_MS;
      const maxBytes = options.maxSize === undefined ? undefined : Math.floor(positive(options.maxSize, CacheMessages.cli.badSize) * MEGABYTE);
      withStore(options.store, (store) => {
        const collected = collectGarbage(store, { olderThanMs, maxBytes });
        emit(CacheMessages.cli.collected(collected.results, collected.bytes, collected.entries, collected.strayFiles));
      });
    });
}

/** Opens an existing store (never creates one where the user mistyped a folder) or a PostgreSQL one, works, and closes it. */
function withStore(folder: string, work: (store: Store) => void): void {
  if (!isPostgresUrl(folder) && !existsSync(path.join(folder, DATABASE_FILE)))
    throw new CliUsageError(CacheMessages.cli.noStore(path.resolve(folder)));
  const store = storeOf(folder);
  try {
    work(store);
  } finally {
    store.close();
  }
}

/** A number of days or megabytes: zero or more. */
function positive(given: string, message: (given: string) => string): number {
  const value = Number(given);
  if (given.trim() === '' || !Number.isFinite(value) || value < 0) throw new CliUsageError(message(given));
  return value;
}

function describeListing(listing: CacheListing): string {
  const summary = CacheMessages.cli.listed(listing.entries, listing.results, listing.bytes, listing.runs);
  if (listing.nodes.length === 0) return summary;
  const rows = [
    [...CacheMessages.cli.tableHeader],
    ...listing.nodes.map((n) => [n.node, String(n.entries), String(n.bytes), new Date(n.lastStored).toISOString()]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  return [summary, '', ...table].join('\n');
}

import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SQLiteStore } from 'hamilton-ts';
import { collectGarbage, listCache } from '../../lib/cache/maintenance.js';

interface Result {
  readonly version: string;
  readonly bytes: number;
  readonly usedAt: number;
  /** Whether a cache entry points at it. */
  readonly used: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reference: results no entry uses go, then those older than the age, then the least recently used until the rest fit. */
function reference(results: readonly Result[], now: number, olderThanMs: number | undefined, maxBytes: number | undefined): string[] {
  let kept = results.filter((r) => r.used);
  if (olderThanMs !== undefined) kept = kept.filter((r) => r.usedAt >= now - olderThanMs);
  if (maxBytes !== undefined) {
    const oldestFirst = [...kept].sort((a, b) => a.usedAt - b.usedAt);
    let total = kept.reduce((sum, r) => sum + r.bytes, 0);
    while (total > maxBytes) total -= oldestFirst.shift()!.bytes;
    kept = oldestFirst;
  }
  return kept.map((r) => r.version).sort();
}

describe('cache maintenance: collectGarbage', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-gc-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  function fill(results: readonly Result[]): void {
    store.transaction(() => {
      store.db.exec('DELETE FROM results; DELETE FROM cache_entries;');
      for (const r of results) {
        store.db
          .prepare(
            "INSERT INTO results (data_version, format, checksum, bytes, inline, file, created_at, used_at) VALUES (?, 'v8', 'x', ?, NULL, NULL, ?, ?)",
          )
          .run(r.version, r.bytes, r.usedAt, r.usedAt);
        if (r.used) {
          store.db
            .prepare("INSERT INTO cache_entries (cache_key, node, code_version, data_version, run_id, created_at) VALUES (?, 'n', 'c', ?, 'run', ?)")
            .run(`key-${r.version}`, r.version, r.usedAt);
        }
      }
    });
  }

  it('evicts as the reference does (unused, then by age, then least recently used until the rest fit), entries with their results', () => {
    const now = 1_000 * DAY_MS;
    const results = fc.uniqueArray(fc.integer({ min: 0, max: 60 * 24 }), { minLength: 0, maxLength: 25 }).chain((minutes) =>
      fc.tuple(
        ...minutes.map((minute, i) =>
          fc.record({
            version: fc.constant(`v${i}`),
            bytes: fc.integer({ min: 1, max: 5000 }),
            usedAt: fc.constant(now - minute * 60 * 1000 * 30),
            used: fc.boolean(),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(
        results,
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
        (rows, days, maxBytes) => {
          fill(rows);
          const olderThanMs = days === undefined ? undefined : days * DAY_MS;
          const collected = collectGarbage(store, { olderThanMs, maxBytes, now });
          const left = (store.db.prepare('SELECT data_version FROM results ORDER BY data_version').all() as { data_version: string }[]).map(
            (r) => r.data_version,
          );
          expect(left).to.deep.equal(reference(rows, now, olderThanMs, maxBytes));
          expect(collected.results).to.equal(rows.length - left.length);
          const listing = listCache(store);
          if (maxBytes !== undefined) expect(listing.bytes).to.be.at.most(maxBytes);
          // No entry is left pointing at an evicted result, and no used result lost its entry.
          expect(listing.entries).to.equal(left.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

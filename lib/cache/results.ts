import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dataVersion } from './data-version.js';
import { decodeValue, encodeValue, encodingOf, storedName, type CacheFormat } from './formats.js';
import { checksumOf } from './hash.js';
import { CacheMessages } from './messages.js';
import { chunks, placeholders } from './sql-lists.js';
import type { Store } from './store.js';

/** Values up to this size live in the database row; larger ones in a file of their own where the store has a results folder. */
export const INLINE_LIMIT = 16 * 1024;

/** A stored value read back, or why it cannot be used (it is then recomputed). */
export type Loaded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** A value stored, or why not (its format does not give it back exactly: the node is computed again next time). */
export type Saved = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A stored result's row, as the cache's one lookup query reads it beside the cache entry. */
export interface ResultRow {
  readonly format: string;
  readonly checksum: string;
  readonly inline: Uint8Array | null;
  readonly file: string | null;
}

/** The columns of {@link ResultRow}, for a query that joins results to something else. */
export const RESULT_COLUMNS = 'r.format, r.checksum, r.inline, r.file';

/**
 * Cached values addressed by data version. A value is written before its row (a file goes to a temporary name,
 * then is renamed), so a row never names a half-written file. When a value is stored, its bytes are decoded
 * once and versioned again: a format that would lose something (-0 as JSON, a Date as Parquet) stores nothing,
 * so what is stored gives its value back exactly. A read then checks only the bytes' checksum (a fast content
 * hash) before decoding: a corrupt, truncated or missing result is a miss, never a wrong answer, and a hit does
 * not hash its value again.
 */
export class ResultStore {
  constructor(private readonly store: Store) {}

  /** Stores a value under its data version (a second store of the same version is a no-op). */
  save(version: string, value: unknown, format: CacheFormat | undefined): Saved {
    const existing = this.store.statement('SELECT format FROM results WHERE data_version = ?').get(version) as { format: string } | undefined;
    if (existing && encodingOf(existing.format)?.checked) return { ok: true };
    const { encoding, bytes, exact } = encodeValue(value, format);
    if (!exact && !readsBack(bytes, encoding, version)) return { ok: false, reason: CacheMessages.miss.resultLossy(encoding) };
    const checksum = checksumOf(bytes);
    const now = Date.now();
    const stored = storedName(encoding);
    let file: string | null = null;
    const folder = this.store.resultsPath;
    if (bytes.byteLength > INLINE_LIMIT && folder !== undefined) {
      file = path.join(version.slice(0, 2), `${version}.${stored}`);
      const full = path.join(folder, file);
      mkdirSync(path.dirname(full), { recursive: true });
      const temporary = `${full}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, full);
    }
    this.store
      .statement(
        'INSERT OR REPLACE INTO results (data_version, format, checksum, bytes, inline, file, created_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(version, stored, checksum, bytes.byteLength, file ? null : Buffer.from(bytes), file, now, now);
    return { ok: true };
  }

  /** Reads a result from its row (read beside its cache entry), checked; a row of undefined means it is gone. */
  read(version: string, row: ResultRow | undefined): Loaded {
    if (!row?.format) return { ok: false, reason: CacheMessages.miss.resultMissing };
    const known = encodingOf(row.format);
    if (!known) return this.drop(version, CacheMessages.miss.resultCorrupt);
    let bytes: Uint8Array;
    try {
      bytes = row.inline ?? readFileSync(this.fileOf(row.file));
    } catch {
      return this.drop(version, CacheMessages.miss.resultMissing);
    }
    if (checksumOf(bytes) !== row.checksum) return this.drop(version, CacheMessages.miss.resultCorrupt);
    let value: unknown;
    try {
      value = decodeValue(bytes, known.encoding);
    } catch {
      return this.drop(version, CacheMessages.miss.resultCorrupt);
    }
    // Written before results were checked when stored: checked now, once (a lossy one is dropped).
    if (!known.checked) {
      const reread = dataVersion(value);
      if (!reread.ok || reread.version !== version) return this.drop(version, CacheMessages.miss.resultLossy(known.encoding));
    }
    return { ok: true, value };
  }

  /**
   * Marks results as used now (for eviction by age and size); called once per run, in its closing transaction,
   * in chunks (one statement per few hundred results, not one per result). A result marked within the last
   * {@link TOUCH_GRANULARITY_MS} is left as it is: updating a row rewrites it whole, inline value included, which
   * cost a run of hits more than its reads; eviction works in days and megabytes, not seconds.
   */
  touch(versions: Iterable<string>, now: number): void {
    for (const chunk of chunks([...versions], CHUNK)) {
      this.store
        .statement(`UPDATE results SET used_at = ? WHERE used_at < ? AND data_version IN (${placeholders(chunk.length)})`)
        .run(now, now - TOUCH_GRANULARITY_MS, ...chunk);
    }
  }

  /** Forgets a result that cannot be used, so the next store writes it afresh. */
  private drop(version: string, reason: string): Loaded {
    const row = this.store.statement('SELECT file FROM results WHERE data_version = ?').get(version) as { file: string | null } | undefined;
    this.store.statement('DELETE FROM results WHERE data_version = ?').run(version);
    if (row?.file && this.store.resultsPath !== undefined) rmSync(this.fileOf(row.file), { force: true });
    return { ok: false, reason };
  }

  /** Where a row's result file is; a row naming none (or a store keeping no files) is a missing result. */
  private fileOf(name: string | null): string {
    const folder = this.store.resultsPath;
    if (name === null || folder === undefined) throw new Error('no result file');
    return path.join(folder, name);
  }
}

/** How stale a result's last-use time may be before a run that used it writes it again. */
const TOUCH_GRANULARITY_MS = 60_000;

/** Statements that take a list take it this many at a time (under SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 200;

/** Whether bytes decode to a value of the same data version (what a stored result must do). */
function readsBack(bytes: Uint8Array, encoding: Parameters<typeof decodeValue>[1], version: string): boolean {
  try {
    const again = dataVersion(decodeValue(bytes, encoding));
    return again.ok && again.version === version;
  } catch {
    return false;
  }
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dataVersion } from './data-version.js';
import { decodeValue, encodeValue, type CacheFormat } from './formats.js';
import { checksumOf } from './hash.js';
import { CacheMessages } from './messages.js';
import type { SQLiteStore } from './store.js';

/** Values up to this size live in the database row; larger ones in a file of their own. */
export const INLINE_LIMIT = 16 * 1024;

/** A stored value read back, or why it cannot be used (it is then recomputed). */
export type Loaded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

interface ResultRow {
  readonly format: CacheFormat;
  readonly checksum: string;
  readonly inline: Buffer | null;
  readonly file: string | null;
}

/**
 * Cached values addressed by data version. A value is written before its row (a file goes to a temporary name,
 * then is renamed), so a row never names a half-written file; a read checks the bytes' checksum and then that
 * the decoded value has the data version it was stored under, so a corrupt, missing or lossy result is a miss,
 * never a wrong answer.
 */
export class ResultStore {
  constructor(private readonly store: SQLiteStore) {}

  /** Stores a value under its data version (a second store of the same version is a no-op). */
  save(version: string, value: unknown, format: CacheFormat): void {
    if (this.store.statement('SELECT 1 FROM results WHERE data_version = ?').get(version)) return;
    const bytes = encodeValue(value, format);
    const checksum = checksumOf(bytes);
    const now = Date.now();
    let file: string | null = null;
    if (bytes.byteLength > INLINE_LIMIT) {
      file = path.join(version.slice(0, 2), `${version}.${format}`);
      const full = path.join(this.store.resultsPath, file);
      mkdirSync(path.dirname(full), { recursive: true });
      const temporary = `${full}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, full);
    }
    this.store
      .statement(
        'INSERT OR REPLACE INTO results (data_version, format, checksum, bytes, inline, file, created_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(version, format, checksum, bytes.byteLength, file ? null : Buffer.from(bytes), file, now, now);
  }

  /** Reads the value stored under a data version, checked. */
  load(version: string): Loaded {
    const row = this.store.statement('SELECT format, checksum, inline, file FROM results WHERE data_version = ?').get(version) as
      ResultRow | undefined;
    if (!row) return { ok: false, reason: CacheMessages.miss.resultMissing };
    let bytes: Uint8Array;
    try {
      bytes = row.inline ?? readFileSync(path.join(this.store.resultsPath, row.file!));
    } catch {
      return this.drop(version, CacheMessages.miss.resultMissing);
    }
    if (checksumOf(bytes) !== row.checksum) return this.drop(version, CacheMessages.miss.resultCorrupt);
    let value: unknown;
    try {
      value = decodeValue(bytes, row.format);
    } catch {
      return this.drop(version, CacheMessages.miss.resultCorrupt);
    }
    const reread = dataVersion(value);
    if (!reread.ok || reread.version !== version) return this.drop(version, CacheMessages.miss.resultLossy(row.format));
    return { ok: true, value };
  }

  /** Marks results as used now (for eviction by age and size); called once per run, in its closing transaction. */
  touch(versions: Iterable<string>, now: number): void {
    const update = this.store.statement('UPDATE results SET used_at = ? WHERE data_version = ?');
    for (const version of versions) update.run(now, version);
  }

  /** Forgets a result that cannot be used, so the next store writes it afresh. */
  private drop(version: string, reason: string): Loaded {
    const row = this.store.statement('SELECT file FROM results WHERE data_version = ?').get(version) as { file: string | null } | undefined;
    this.store.statement('DELETE FROM results WHERE data_version = ?').run(version);
    if (row?.file) rmSync(path.join(this.store.resultsPath, row.file), { force: true });
    return { ok: false, reason };
  }
}

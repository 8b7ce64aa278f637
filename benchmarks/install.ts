/**
 * What a user's project pays for hamilton-ts: node_modules size and `npm install` time of a fresh project
 * depending on the packed package alone and with danfojs (plus the xlsx override danfojs needs), and the
 * `require('hamilton-ts')` time inside that project. Needs the registry (npm's cache makes repeats fast).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshProject, install, node, packedPackage, removeFolder, sizeOf } from '../spec/package/consumer-project.js';
import { fixed, median, printTable } from './report.js';

const MB = 1024 * 1024;
const REQUIRE_PROBE = "const t = performance.now(); require('hamilton-ts'); process.stdout.write(String(performance.now() - t));";

interface Installed {
  readonly what: string;
  readonly ms: number;
  /** Bytes of the files (apparent size) and of the disk blocks they take (as `du`). */
  readonly bytes: number;
  readonly diskBytes: number;
  readonly packages: number;
}

/** Installs `packages` into a fresh project (npm's own cache, or `cache` when given) and measures it. */
function measureInstall(what: string, packages: readonly string[], extra: Record<string, unknown> = {}, cache?: string): Installed & { dir: string } {
  const dir = freshProject(extra);
  const { ms } = install(dir, cache === undefined ? packages : [...packages, '--cache', cache]);
  const modules = path.join(dir, 'node_modules');
  const count = (root: string): number =>
    fs.readdirSync(root).reduce((n, name) => n + (name.startsWith('@') ? count(path.join(root, name)) : name.startsWith('.') ? 0 : 1), 0);
  return { what, ms, bytes: sizeOf(modules), diskBytes: diskUsage(modules), packages: count(modules), dir };
}

/** Bytes of disk blocks under `dir` (what `du -s` reports), links not followed. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += fs.lstatSync(full).blocks * 512;
    if (entry.isDirectory()) total += diskUsage(full);
  }
  return total;
}

function requireTimes(dir: string, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(Number(node(['-e', REQUIRE_PROBE], dir).stdout));
  return median(times);
}

/** `quick` (CI) measures the package alone with the warm cache and skips what downloads much. */
export function runInstall(quick: boolean): void {
  const tarball = packedPackage();
  const rows: Installed[] = [];
  const notes: string[] = [`packed tarball ${fixed(fs.statSync(tarball).size / 1024, 0)} kB; target: hamilton-ts alone < 15 MB of node_modules.`];
  const alone = measureInstall('hamilton-ts alone (warm npm cache)', [tarball]);
  rows.push(alone);
  const requireMs = requireTimes(alone.dir, quick ? 3 : 7);
  removeFolder(alone.dir);
  if (quick) {
    notes.push('--quick: skipped the install with an empty npm cache and the install with danfojs (both download much).');
  } else {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'hamilton-ts-npm-cache-'));
    const cold = measureInstall('hamilton-ts alone (empty npm cache)', [tarball], {}, cache);
    rows.push(cold);
    removeFolder(cold.dir);
    removeFolder(cache);
    const frames = measureInstall('hamilton-ts + danfojs, xlsx override (warm cache)', [tarball, 'danfojs@^1.2.0'], {
      overrides: { xlsx: '0.18.5' },
    });
    rows.push(frames);
    removeFolder(frames.dir);
    notes.push(
      `with danfojs: ${fixed(frames.bytes / alone.bytes, 0)}x the size and ${fixed(frames.ms / alone.ms, 1)}x the install time of hamilton-ts alone.`,
    );
  }
  notes.push(`require('hamilton-ts') in the fresh project: ${fixed(requireMs, 1)} ms (median of ${quick ? 3 : 7} fresh node processes).`);
  printTable(
    'A fresh project installing the packed hamilton-ts (npm install, no flags)',
    ['project', 'npm install (s)', 'node_modules (MB)', 'on disk (MB, du)', 'packages'],
    rows.map((r) => [r.what, fixed(r.ms / 1000, 1), fixed(r.bytes / MB, 1), fixed(r.diskBytes / MB, 1), String(r.packages)]),
    notes,
  );
}

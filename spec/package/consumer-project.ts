import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A fresh npm project outside the repository that installs the packed hamilton-ts from its tarball (and the
 * rest from the registry, npm's cache making repeats fast): what a user's project gets, used by the package
 * specs and the install benchmark.
 */

/** The repository root (this file runs from dist/spec/package/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The tsconfig the README's quick start gives a consumer project. */
export const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    rootDir: 'src',
    outDir: 'dist',
  },
  include: ['src'],
};

/** A child process's result, with how long it took. */
export interface Ran {
  readonly stdout: string;
  readonly ms: number;
}

// Where packages come from and where they are cached stay as configured; every other `npm_*` variable of an
// enclosing `npm test` (its prefix, package, lifecycle) would steer a child npm to the repository.
const KEPT_NPM_SETTINGS = /^npm_config_(registry|cache|userconfig|globalconfig|.*:registry|strict_ssl|cafile|proxy|https_proxy|noproxy)$/i;

/** The environment for a child npm or node, without the enclosing `npm test`'s own variables. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || KEPT_NPM_SETTINGS.test(key)));
}

function run(command: string, args: readonly string[], cwd: string): Ran {
  const start = performance.now();
  const child = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
  return { stdout: child.stdout, ms };
}

/** `npm <args>` in `cwd`. */
export function npm(args: readonly string[], cwd: string): Ran {
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, cwd);
}

/** `node <args>` in `cwd`, with this process's node. */
export function node(args: readonly string[], cwd: string): Ran {
  return run(process.execPath, args, cwd);
}

let tarball: string | undefined;

/** The repository's built package packed as npm would publish it (once per process). Needs `npm run build` first. */
export function packedPackage(): string {
  if (tarball !== undefined && fs.existsSync(tarball)) return tarball;
  const into = fs.mkdtempSync(path.join(os.tmpdir(), 'hamilton-ts-pack-'));
  process.once('exit', () => fs.rmSync(into, { recursive: true, force: true }));
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', into], REPO_ROOT).stdout) as { filename: string }[];
  return (tarball = path.join(into, packed.filename));
}

/** An empty project in a new temporary folder, with `extra` merged into its package.json. */
export function freshProject(extra: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamilton-ts-consumer-'));
  const manifest = { name: 'consumer', version: '1.0.0', private: true, ...extra };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** `npm install <packages>` as a user types it (audit and funding notices off: they only print). */
export function install(dir: string, packages: readonly string[], dev = false): Ran {
  return npm(['install', ...(dev ? ['--save-dev'] : []), '--no-audit', '--no-fund', ...packages], dir);
}

/** Bytes of every file under `dir` (apparent size, as `du --apparent-size`), links not followed. */
export function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** Copies the consumer sources `spec/package/consumer/<name>/` into `dir/src` and writes the quick start's tsconfig. */
export function addSources(dir: string, name: 'plain' | 'frames'): void {
  const from = path.join(REPO_ROOT, 'spec', 'package', 'consumer', name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  for (const file of fs.readdirSync(from)) fs.copyFileSync(path.join(from, file), path.join(dir, 'src', file));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
}

/** The repository's own TypeScript (5.9) compiler. */
export const REPO_TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Compiles `dir`'s project with the given `tsc` script into `outDir` (relative to `dir`). */
export function compile(dir: string, tsc: string, outDir = 'dist'): Ran {
  return node([tsc, '-p', dir, '--outDir', path.join(dir, outDir)], dir);
}

/** Removes a temporary folder made here. */
export function removeFolder(dir: string | undefined): void {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
}

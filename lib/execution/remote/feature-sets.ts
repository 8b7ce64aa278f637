import * as path from 'node:path';
import { HamiltonError } from '../../errors/index.js';
import type { FeatureSetRef } from '../../metadata/module-file.js';
import { RemoteMessages } from './messages.js';

/** A feature set a worker can run: the class, and where it came from when known. */
export interface WorkerFeatureSet {
  readonly cls: Function;
  /** The name it is exported under (default: the class name). */
  readonly export?: string;
  /** The module file that exports it. */
  readonly module?: string;
}

/**
 * Finds the class a driver means among a worker's feature sets: by export name, and when several share it,
 * by the module file whose path ends most like the driver's (machines may keep the code in other folders).
 */
export function resolveFeatureSet(ref: FeatureSetRef, available: readonly WorkerFeatureSet[]): Function {
  const named = available.filter((f) => (f.export ?? f.cls.name) === ref.export);
  if (named.length === 1) return named[0].cls;
  if (named.length === 0) {
    throw new HamiltonError(
      RemoteMessages.unknownFeatureSet(
        ref.export,
        ref.module,
        available.map((f) => f.export ?? f.cls.name),
      ),
    );
  }
  const scored = named.map((f) => ({ f, score: ref.module === undefined || f.module === undefined ? 0 : commonTail(ref.module, f.module) }));
  const best = Math.max(...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === best);
  if (best === 0 || winners.length > 1) {
    throw new HamiltonError(
      RemoteMessages.ambiguousFeatureSet(
        ref.export,
        named.map((f) => f.module ?? '?'),
      ),
    );
  }
  return winners[0].f.cls;
}

/** How many trailing path segments two files share, extensions ignored (`dist/a/x.js` and `src/a/x.ts`: 2). */
function commonTail(a: string, b: string): number {
  const parts = (file: string) =>
    file
      .replace(/\.[cm]?[jt]sx?$/i, '')
      .split(/[\\/]+/)
      .filter(Boolean);
  const pa = parts(path.normalize(a));
  const pb = parts(path.normalize(b));
  let n = 0;
  while (n < pa.length && n < pb.length && pa[pa.length - 1 - n] === pb[pb.length - 1 - n]) n++;
  return n;
}

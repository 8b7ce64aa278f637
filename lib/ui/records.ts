import type { Tags } from '../graph/node.js';

/** What the runs UI reads from the store, as plain records (the reader turns rows into these). */

export interface ProjectSummary {
  readonly name: string;
  readonly createdAt: number;
  readonly runs: number;
  readonly failedRuns: number;
  readonly lastRunAt?: number;
}

export interface RunSummary {
  readonly runId: string;
  readonly project: string;
  /** running, success or failed. */
  readonly status: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly outputs: readonly string[];
  /** Input names, with their data versions when the store has them. */
  readonly inputs: Readonly<Record<string, string | undefined>>;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly error?: string;
  readonly dagVersion?: string;
  /** The git commit of the code, when the tracker found one. */
  readonly gitCommit?: string;
  /** The driver's config as JSON text, when the tracker recorded one. */
  readonly config?: string;
}

export interface ValueSummary {
  readonly type: string;
  readonly length?: number;
  readonly statistics?: {
    readonly count: number;
    readonly mean: number | null;
    readonly min: number | null;
    readonly max: number | null;
    readonly nanShare: number;
  };
}

/** One node call of a run: the tracker's record and the cache's log line, whichever exist. */
export interface NodeRecord {
  readonly node: string;
  readonly item?: number;
  /** success, failed, or `not tracked` (only the cache logged it). */
  readonly status: string;
  readonly error?: string;
  /** What the cache did: hit, miss, recompute, disable, ignore, uncacheable. */
  readonly cache?: string;
  readonly cacheReason?: string;
  readonly codeVersion?: string;
  readonly dataVersion?: string;
  readonly startedAt?: number;
  readonly durationMs?: number;
  readonly summary?: ValueSummary;
}

export interface RunRecord extends RunSummary {
  readonly nodes: readonly NodeRecord[];
}

/** A run's graph as the store knows it: its computed nodes, the external inputs they read, each node's inputs. */
export interface RunGraph {
  readonly nodes: readonly string[];
  readonly inputs: readonly string[];
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  /** Each node's tags (a loader's kind and source among them), when the tracker stored the graph. */
  readonly tags?: ReadonlyMap<string, Tags>;
}

import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import { Store } from '../cache/store.js';
import type { Capture } from './summary.js';
import { TrackingMessages } from './messages.js';

/** How long runs are kept: the newest `runs` of the project, and/or those started in the last `days`. */
export interface Retention {
  readonly runs?: number;
  readonly days?: number;
}

/** What `new RunTracker()` takes. */
export interface RunTrackerOptions {
  /** The project the runs belong to (created on first use). */
  readonly project: string;
  /** The store (shared with `withCache({ store })`; a PostgresStore too), its folder, or a `postgres://` URL. */
  readonly store: Store | string;
  readonly tags?: Readonly<Record<string, string>>;
  /** What is kept of each node's value: nothing, its type and shape (default), or also numeric statistics. */
  readonly capture?: Capture;
  /** Per node, what is kept of its value, over `capture` (e.g. `{ features: 'statistics', secrets: 'none' }`). */
  readonly nodeCapture?: Readonly<Record<string, Capture>>;
  /** Older runs of the project (and their node records) are deleted when a run ends. */
  readonly retention?: Retention;
  /** Records waiting to be written at most; past it the oldest are dropped (and counted), the run never waits. */
  readonly queueLimit?: number;
}

const KEYS: readonly (keyof RunTrackerOptions)[] = ['project', 'store', 'tags', 'capture', 'nodeCapture', 'retention', 'queueLimit'];
const CAPTURES: readonly Capture[] = ['none', 'schema', 'statistics'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCapture(value: unknown): value is Capture {
  return typeof value === 'string' && (CAPTURES as readonly string[]).includes(value);
}

/** The tracker's options, checked where they are given (plain JavaScript included). */
export function checkedTrackerOptions(options: unknown): RunTrackerOptions {
  if (!isRecord(options)) throw new HamiltonError(TrackingMessages.notAnObject(describeValue(options)));
  const unknown = Object.keys(options).filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new HamiltonError(TrackingMessages.unknownKeys(unknown, KEYS));
  const { project, store, tags, capture, nodeCapture, retention, queueLimit } = options;
  if (typeof project !== 'string' || project.length === 0) throw new HamiltonError(TrackingMessages.badProject(describeValue(project)));
  if (!(store instanceof Store) && (typeof store !== 'string' || store.length === 0)) {
    throw new HamiltonError(TrackingMessages.badStore(describeValue(store)));
  }
  if (tags !== undefined && (!isRecord(tags) || Object.values(tags).some((v) => typeof v !== 'string'))) {
    throw new HamiltonError(TrackingMessages.badTags(describeValue(tags)));
  }
  if (capture !== undefined && !isCapture(capture)) throw new HamiltonError(TrackingMessages.badCapture('capture', describeValue(capture)));
  if (nodeCapture !== undefined && (!isRecord(nodeCapture) || !Object.values(nodeCapture).every(isCapture))) {
    throw new HamiltonError(TrackingMessages.badNodeCapture(describeValue(nodeCapture)));
  }
  if (retention !== undefined) checkRetention(retention);
  if (queueLimit !== undefined && !(Number.isInteger(queueLimit) && (queueLimit as number) > 0)) {
    throw new HamiltonError(TrackingMessages.badQueueLimit(describeValue(queueLimit)));
  }
  return options as unknown as RunTrackerOptions;
}

function checkRetention(retention: unknown): void {
  const bad = () => new HamiltonError(TrackingMessages.badRetention(describeValue(retention)));
  if (!isRecord(retention) || Object.keys(retention).some((key) => key !== 'runs' && key !== 'days')) throw bad();
  const { runs, days } = retention;
  if (runs === undefined && days === undefined) throw bad();
  if (runs !== undefined && !(Number.isInteger(runs) && (runs as number) > 0)) throw bad();
  if (days !== undefined && !(typeof days === 'number' && Number.isFinite(days) && days > 0)) throw bad();
}

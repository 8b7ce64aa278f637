import { DATA_LOADER_TAG, DATA_SAVER_TAG } from '../constants/metadata-keys.js';
import type { GraphRunEvent, LifecycleAdapter, NodeResultEvent } from '../execution/adapters.js';
import type { IoMetadata } from './metadata.js';

/**
 * A lifecycle adapter that keeps the metadata record of every load and save, per run: what each loader read
 * and each saver wrote (URI, format, rows, schema, content hash, time). `records(runId?)` gives a run's records
 * (the last run's by default).
 *
 * @example
 * const io = new IoRecorder();
 * const dr = new Builder().withModules(Training).withAdapters(io).build();
 * dr.execute(['model']);
 * io.records().map((r) => r.uri); // what the model was trained on
 */
export class IoRecorder implements LifecycleAdapter {
  private readonly runs = new Map<string, IoMetadata[]>();
  private last: string | undefined;

  beforeGraphExecute(event: GraphRunEvent): void {
    this.runs.set(event.runId, []);
    this.last = event.runId;
  }

  afterNodeExecute(event: NodeResultEvent): void {
    if (!event.success) return;
    const record = metadataOf(event);
    if (record) this.runs.get(event.runId)?.push({ ...record, node: event.node });
  }

  /** The records of a run (by `runId`; the last run by default), in the order the loads and saves finished. */
  records(runId: string | undefined = this.last): readonly IoMetadata[] {
    return runId === undefined ? [] : (this.runs.get(runId) ?? []);
  }

  /** The ids of the runs recorded, oldest first. */
  runIds(): readonly string[] {
    return [...this.runs.keys()];
  }
}

function metadataOf(event: NodeResultEvent): IoMetadata | undefined {
  if (event.tags[DATA_LOADER_TAG] !== undefined && Array.isArray(event.result)) return event.result[1] as IoMetadata;
  if (event.tags[DATA_SAVER_TAG] !== undefined && event.result !== null && typeof event.result === 'object') return event.result as IoMetadata;
  return undefined;
}

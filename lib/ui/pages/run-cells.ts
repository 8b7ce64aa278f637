import { badge, duration, text, time, version } from '../html.js';
import type { RunSummary } from '../records.js';

/** The cells a run's row starts with, on the runs page and the run page alike: status, start, time taken, DAG version. */
export function runCells(run: RunSummary): string[] {
  return [
    badge(run.status),
    time(run.startedAt),
    duration(run.endedAt === undefined ? undefined : run.endedAt - run.startedAt),
    version(run.dagVersion),
  ];
}

/** A run's tags as `key=value, ...`. */
export function tagsCell(tags: Readonly<Record<string, string>>): string {
  return text(
    Object.entries(tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
  );
}

import type { RunSummary } from './records.js';

/** The runs page's filters: a status, a tag (`key=value`, or `key` for any value), a DAG version (or its prefix). */
export interface RunFilter {
  readonly status?: string;
  readonly tag?: string;
  readonly dagVersion?: string;
}

export function filterRuns(runs: readonly RunSummary[], filter: RunFilter): RunSummary[] {
  return runs.filter((run) => {
    if (filter.status && run.status !== filter.status) return false;
    if (filter.dagVersion && !(run.dagVersion ?? '').startsWith(filter.dagVersion)) return false;
    if (filter.tag) {
      const cut = filter.tag.indexOf('=');
      const key = cut < 0 ? filter.tag : filter.tag.slice(0, cut);
      if (!(key in run.tags)) return false;
      if (cut >= 0 && run.tags[key] !== filter.tag.slice(cut + 1)) return false;
    }
    return true;
  });
}

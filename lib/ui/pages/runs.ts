import { href, link, page, table, text } from '../html.js';
import type { RunSummary } from '../records.js';
import type { RunFilter } from '../run-filter.js';
import { UiMessages } from '../messages.js';
import { runCells, tagsCell } from './run-cells.js';

/** Rows the runs page shows at most: the newest; filters reach older runs. */
export const RUNS_SHOWN = 500;

const STATUSES = ['', 'success', 'failed', 'running'];

/** The runs of a project, newest first, with the filters and two-run comparison. */
export function runsPage(project: string, runs: readonly RunSummary[], matching: readonly RunSummary[], filter: RunFilter): string {
  const shown = matching.slice(0, RUNS_SHOWN);
  const statusOptions = STATUSES.map((s) => `<option value="${s}"${filter.status === s ? ' selected' : ''}>${s || 'any'}</option>`).join('');
  const form = `<form class="filters" method="get">
<label>status<select name="status">${statusOptions}</select></label>
<label>tag (key or key=value)<input name="tag" value="${text(filter.tag ?? '')}"></label>
<label>DAG version<input name="dag" value="${text(filter.dagVersion ?? '')}"></label>
<button type="submit">Filter</button>
<button type="button" id="compare" disabled>Compare two picked runs</button></form>`;
  const rows = shown.map((run) => [
    `<input type="checkbox" class="pick" value="${text(run.runId)}" aria-label="pick ${text(run.runId)}">`,
    link(href('runs', run.runId), run.runId),
    ...runCells(run),
    tagsCell(run.tags),
    text(run.outputs.join(', ')),
  ]);
  const more = matching.length > shown.length ? ` ${text(UiMessages.manyRuns(shown.length, matching.length))}` : '';
  const count = `<p class="note">${matching.length} of ${runs.length} runs.${more}</p>`;
  return page(
    `Runs of ${project}`,
    [[href('projects', project), project]],
    form + count + table(['', 'run', 'status', 'started', 'took', 'DAG version', 'tags', 'outputs'], rows, 'runs'),
  );
}

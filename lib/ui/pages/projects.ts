import { href, link, page, table, time } from '../html.js';
import type { ProjectSummary } from '../records.js';

export function projectsPage(projects: readonly ProjectSummary[]): string {
  const rows = projects.map((p) => [
    link(href('projects', p.name), p.name),
    String(p.runs),
    String(p.failedRuns),
    time(p.lastRunAt),
    time(p.createdAt),
  ]);
  const body = projects.length === 0 ? '<p class="note">No project has been tracked in this store yet (new RunTracker({ project, store })).</p>' : '';
  return page('Projects', [], body + table(['project', 'runs', 'failed', 'last run', 'created'], rows, 'projects'));
}

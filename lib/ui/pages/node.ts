import { badge, duration, href, link, page, table, time, version } from '../html.js';
import type { NodeRecord, RunSummary } from '../records.js';
import { summaryText } from './run.js';

const WIDTH = 600;
const HEIGHT = 120;

/** One node across the project's runs: durations (a line over time), cache, versions, value summaries. */
export function nodePage(project: string, node: string, history: readonly { run: RunSummary; record: NodeRecord }[]): string {
  const rows = history.map(({ run, record }) => [
    link(href('runs', run.runId), run.runId.slice(0, 12)),
    time(run.startedAt),
    record.item === undefined ? '' : String(record.item),
    badge(record.status),
    duration(record.durationMs),
    record.cache ? badge(record.cache) : '',
    version(record.codeVersion),
    version(record.dataVersion),
    summaryText(record.summary),
  ]);
  const body = `<h2>Duration over runs</h2>${durationLine(history.map((h) => h.record.durationMs))}
<h2>Every call</h2>${table(['run', 'started', 'item', 'status', 'took', 'cache', 'code version', 'data version', 'value'], rows, 'history')}`;
  return page(`${node} in ${project}`, [[href('projects', project), project]], body);
}

/** A small SVG line of the durations (oldest left), one dot per call; no script needed. */
export function durationLine(durations: readonly (number | undefined)[]): string {
  const known = durations.map((d) => d ?? 0);
  if (known.length === 0) return '';
  const max = Math.max(...known, 1e-9);
  const step = known.length > 1 ? (WIDTH - 20) / (known.length - 1) : 0;
  const points = known.map((d, i) => [10 + i * step, HEIGHT - 10 - ((HEIGHT - 20) * d) / max] as const);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const dots = points
    .map(([x, y], i) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3"><title>${duration(known[i])}</title></circle>`)
    .join('');
  return `<svg class="spark" id="durations" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="durations, max ${duration(max)}">
<polyline fill="none" stroke="#2f6fb0" stroke-width="2" points="${line}"/><g fill="#2f6fb0">${dots}</g>
<text x="12" y="14" font-size="11">max ${duration(max)}</text></svg>`;
}

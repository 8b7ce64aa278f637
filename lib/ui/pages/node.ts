import { badge, duration, href, link, page, table, text, time, version } from '../html.js';
import type { NodeRecord, RunSummary } from '../records.js';
import { summaryText } from './run.js';

const WIDTH = 600;
const HEIGHT = 120;

/** One node across the project's runs: durations (a line over time), cache, versions, value summaries. */
export function nodePage(project: string, node: string, history: readonly { run: RunSummary; record: NodeRecord }[]): string {
  const rows = history.map(({ run, record }) => [
    link(href('runs', run.runId), run.runId),
    time(run.startedAt),
    record.item === undefined ? '' : String(record.item),
    badge(record.status),
    duration(record.durationMs),
    record.cache ? badge(record.cache) : '',
    version(record.codeVersion),
    version(record.dataVersion),
    summaryText(record.summary),
  ]);
  const means = valueLine(
    'means',
    history.map((h) => h.record.summary?.statistics?.mean),
    (n) => n.toPrecision(4),
  );
  const body = `<h2>Duration over runs</h2>${valueLine(
    'durations',
    history.map((h) => h.record.durationMs ?? 0),
    duration,
  )}
${means ? `<h2>Mean of the value over runs</h2>${means}` : ''}
<h2>Every call</h2>${table(['run', 'started', 'item', 'status', 'took', 'cache', 'code version', 'data version', 'value'], rows, 'history')}`;
  return page(`${node} in ${project}`, [[href('projects', project), project]], body);
}

/** A small SVG line of the values (oldest left), one dot per known value, scaled from their minimum to maximum; no script. */
export function valueLine(id: string, values: readonly (number | null | undefined)[], format: (n: number) => string): string {
  const points = values.flatMap((v, i) => (typeof v === 'number' && Number.isFinite(v) ? [[i, v] as const] : []));
  if (points.length === 0) return '';
  const low = Math.min(0, ...points.map(([, v]) => v));
  const high = Math.max(...points.map(([, v]) => v));
  const range = high - low || 1;
  const step = values.length > 1 ? (WIDTH - 20) / (values.length - 1) : 0;
  const xy = points.map(([i, v]) => [10 + i * step, HEIGHT - 10 - ((HEIGHT - 24) * (v - low)) / range, v] as const);
  const line = xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const dots = xy.map(([x, y, v]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3"><title>${text(format(v))}</title></circle>`).join('');
  return `<svg class="spark" id="${id}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${id}: ${points.length} values, max ${text(format(high))}">
<polyline fill="none" stroke="#2f6fb0" stroke-width="2" points="${line}"/><g fill="#2f6fb0">${dots}</g>
<text x="12" y="14" font-size="11">max ${text(format(high))}</text></svg>`;
}

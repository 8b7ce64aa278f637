import { duration, text } from '../html.js';
import type { NodeRecord } from '../records.js';
import { shownStatus, STATUS_COLOURS } from '../run-picture.js';

const WIDTH = 900;
const ROW = 18;
const LABEL = 180;

/**
 * The run's node calls on one time axis (start to end of each, in start order), coloured as in the DAG. Start times
 * are the tracker's (milliseconds), so calls shorter than a millisecond get a sliver of a bar, not none.
 */
export function timeline(records: readonly NodeRecord[]): string {
  const timed = records.filter((r) => r.startedAt !== undefined).sort((a, b) => a.startedAt! - b.startedAt!);
  if (timed.length === 0) return '';
  const start = timed[0].startedAt!;
  const end = Math.max(...timed.map((r) => r.startedAt! + (r.durationMs ?? 0)));
  const span = Math.max(end - start, 1e-9);
  const scale = (WIDTH - LABEL - 80) / span;
  const bars = timed.map((r, i) => {
    const x = LABEL + (r.startedAt! - start) * scale;
    const width = Math.max(2, (r.durationMs ?? 0) * scale);
    const y = i * ROW + 4;
    const name = r.item === undefined ? r.node : `${r.node} [${r.item}]`;
    const fill = STATUS_COLOURS[shownStatus([r])];
    return `<g class="bar"><title>${text(name)}: ${text(duration(r.durationMs))}</title>
<text x="${LABEL - 6}" y="${y + 12}" text-anchor="end" font-size="12">${text(name)}</text>
<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${ROW - 6}" fill="${fill}" stroke="#555"/>
<text x="${(x + width + 4).toFixed(1)}" y="${y + 11}" font-size="11" fill="#555">${text(duration(r.durationMs))}</text></g>`;
  });
  const height = timed.length * ROW + 8;
  return `<svg id="timeline" class="spark" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline of ${timed.length} node calls over ${text(duration(span))}">${bars.join('')}</svg>`;
}

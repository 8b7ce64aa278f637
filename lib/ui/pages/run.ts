import { badge, duration, href, link, page, table, text, version } from '../html.js';
import type { NodeRecord, RunGraph, RunRecord, ValueSummary } from '../records.js';
import { STATUS_COLOURS } from '../run-picture.js';
import { UiMessages } from '../messages.js';
import { runCells, tagsCell } from './run-cells.js';
import { timeline } from './timeline.js';

/** A run: what it was, its errors with their node, its DAG (SVG when the graph is known) and every node call. */
export function runPage(run: RunRecord, graph: RunGraph | undefined, svg: string | undefined, previous?: string): string {
  const crumbs: [string, string][] = [
    [href('projects', run.project), run.project],
    [href('runs', run.runId), run.runId],
  ];
  const facts = table(
    ['status', 'started', 'took', 'DAG version', 'git commit', 'config', 'tags', 'inputs', 'outputs'],
    [
      [
        ...runCells(run),
        text(run.gitCommit ?? ''),
        text(run.config ?? ''),
        tagsCell(run.tags),
        Object.entries(run.inputs)
          .map(([name, v]) => `${text(name)} ${version(v)}`)
          .join('<br>'),
        run.outputs.map((o) => (graph ? link(`${href('runs', run.runId, 'sources', o)}`, o) : text(o))).join(', '),
      ],
    ],
    'facts',
  );
  const compare = previous
    ? `<p id="compare-previous">${link(`/diff?a=${encodeURIComponent(previous)}&b=${encodeURIComponent(run.runId)}`, 'Compare with the run before it')}</p>`
    : '';
  const failed = run.nodes.filter((n) => n.error !== undefined);
  const errors =
    failed.length > 0 || run.error
      ? `<h2>Errors</h2><div id="errors">${run.error ? `<p class="error">${text(run.error)}</p>` : ''}${table(
          ['node', 'error'],
          failed.map((n) => [nodeLink(run.project, n), `<span class="error">${text(n.error)}</span>`]),
        )}</div>`
      : '';
  const legend = `<p class="legend">${Object.entries(STATUS_COLOURS)
    .map(([s, c]) => `<span><i style="background:${c}"></i>${text(s === 'hit' ? 'cache hit' : s)}</span>`)
    .join('')}<span>border width: share of the slowest node's time</span></p>`;
  const picture = svg
    ? `<h2>DAG</h2>${legend}<div id="graph">${svg}</div>`
    : `<h2>DAG</h2><p class="note" id="no-graph">${text(graph ? UiMessages.graphTooLarge(graph.nodes.length + graph.inputs.length) : UiMessages.graphUnknown)}</p>`;
  const nodes = table(
    ['node', 'status', 'took', 'cache', 'why', 'value', 'code version', 'data version'],
    run.nodes.map((n) => [
      nodeLink(run.project, n),
      badge(n.status),
      duration(n.durationMs),
      n.cache ? badge(n.cache) : '',
      text(n.cacheReason ?? ''),
      summaryText(n.summary),
      version(n.codeVersion),
      version(n.dataVersion),
    ]),
    'nodes',
  );
  const calls = timeline(run.nodes);
  const timeSection = calls ? `<h2>Timeline</h2>${calls}` : '';
  return page(
    `Run ${run.runId}`,
    crumbs,
    `${facts}${compare}${errors}${picture}${timeSection}<h2>Nodes</h2><input data-filter="nodes" placeholder="filter nodes">${nodes}`,
  );
}

export function nodeLink(project: string, record: NodeRecord): string {
  const label = record.item === undefined ? record.node : `${record.node} [${record.item}]`;
  return link(href('projects', project, 'nodes', record.node), label);
}

export function summaryText(summary: ValueSummary | undefined): string {
  if (!summary) return '';
  const parts = [text(summary.type)];
  if (summary.length !== undefined) parts.push(`length ${summary.length}`);
  const s = summary.statistics;
  if (s) parts.push(`count ${s.count}, mean ${num(s.mean)}, min ${num(s.min)}, max ${num(s.max)}, NaN ${(s.nanShare * 100).toFixed(1)}%`);
  return parts.join(' · ');
}

function num(n: number | null): string {
  return n === null ? '–' : Number.isInteger(n) ? String(n) : n.toPrecision(4);
}

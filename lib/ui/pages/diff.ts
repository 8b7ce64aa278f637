import { badge, href, link, page, table, text, version } from '../html.js';
import type { RunRecord } from '../records.js';
import type { NodeDiff } from '../run-diff.js';

const CHANGE_TEXT: Readonly<Record<string, string>> = {
  code: 'code changed',
  data: 'value changed',
  added: 'only in the later run',
  removed: 'only in the earlier run',
  status: 'status changed',
  same: 'same code and value',
  unknown: 'not versioned (no cache on these runs)',
};

/** Two runs side by side: the nodes that changed first, each data change with the upstream change that explains it. */
export function diffPage(before: RunRecord, after: RunRecord, diffs: readonly NodeDiff[], graphKnown: boolean): string {
  const order = ['code', 'added', 'removed', 'data', 'status', 'unknown', 'same'];
  const sorted = [...diffs].sort((x, y) => order.indexOf(x.change) - order.indexOf(y.change) || x.node.localeCompare(y.node));
  const rows = sorted.map((d) => [
    link(href('projects', after.project, 'nodes', d.node), d.node),
    `${badge(d.change)} ${text(CHANGE_TEXT[d.change])}`,
    `${version(d.before?.codeVersion)} → ${version(d.after?.codeVersion)}`,
    `${version(d.before?.dataVersion)} → ${version(d.after?.dataVersion)}`,
    d.explainedBy.length > 0 ? `explained by ${codes(d.explainedBy)}` : d.explains.length > 0 ? `explains ${codes(d.explains)} downstream` : '',
  ]);
  const changed = diffs.filter((d) => d.change !== 'same').length;
  const summary = `<p>Earlier: ${link(href('runs', before.runId), before.runId)}; later: ${link(href('runs', after.runId), after.runId)}. ${changed} of ${diffs.length} nodes differ.${
    graphKnown ? '' : ' <span class="note">The later run’s graph is not in the store: value changes are not traced upstream.</span>'
  }</p>`;
  return page(
    'Diff of two runs',
    [[href('projects', after.project), after.project]],
    summary + table(['node', 'change', 'code version', 'data version', 'why'], rows, 'diff'),
  );
}

function codes(names: readonly string[]): string {
  return names.map((n) => `<code>${text(n)}</code>`).join(', ');
}

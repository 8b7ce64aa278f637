import type { FunctionGraph } from '../graph/function-graph.js';
import { attributeList, dotString, htmlText } from '../lineage/dot/escape.js';
import type { CacheLogEntry, CacheStatus } from './cache-run.js';
import { CacheMessages } from './messages.js';

/** How a node fared in a run, over all its calls (a fan-out's items each count). */
type Outcome = 'hit' | 'computed' | 'mixed' | 'uncached';

const FILL: Readonly<Record<Outcome, string>> = {
  hit: '#b7e1a1',
  computed: '#f9c784',
  mixed: '#f3e79b',
  uncached: '#d9d9d9',
};

const COMPUTED: ReadonlySet<CacheStatus> = new Set(['miss', 'recompute']);

interface NodeCalls {
  readonly name: string;
  readonly statuses: CacheStatus[];
  readonly items: number;
  readonly reasons: Set<string>;
}

/**
 * A run's DAG as DOT, each node coloured by what the cache did: taken from the cache (green), computed (orange),
 * some items of a fan-out taken and some computed (yellow), not cached at all (grey). A per-item node says how
 * many of its items were hits; its tooltip gives the reasons. Inputs the run read are drawn as plain boxes.
 */
export function runPicture(graph: FunctionGraph, runId: string, logs: readonly CacheLogEntry[]): string {
  const byNode = new Map<string, NodeCalls>();
  for (const entry of logs) {
    let calls = byNode.get(entry.node);
    if (!calls) byNode.set(entry.node, (calls = { name: entry.node, statuses: [], items: 0, reasons: new Set() }));
    calls.statuses.push(entry.status);
    if (entry.item !== undefined) (calls as { items: number }).items++;
    calls.reasons.add(entry.reason);
  }
  const lines = [
    `digraph ${dotString(`run ${runId}`)} {`,
    '  graph [rankdir=LR, fontname="Helvetica"];',
    '  node [fontname="Helvetica", shape=box, style="rounded,filled"];',
  ];
  const inputs = new Set<string>();
  for (const calls of byNode.values()) {
    const outcome = outcomeOf(calls.statuses);
    const hits = calls.statuses.filter((s) => s === 'hit').length;
    const detail = calls.items > 0 ? CacheMessages.picture.items(hits, calls.items) : CacheMessages.picture.outcome[outcome];
    const label = `<b>${htmlText(calls.name)}</b><br/><font point-size="10">${htmlText(detail)}</font>`;
    const attributes = { fillcolor: FILL[outcome], tooltip: [...calls.reasons].join('\n'), class: `cache-${outcome}` };
    lines.push(`  ${dotString(calls.name)}${attributeList(attributes, label)};`);
    for (const dependency of graph.get(calls.name)?.dependencies ?? []) {
      if (!byNode.has(dependency.name)) inputs.add(dependency.name);
      lines.push(`  ${dotString(dependency.name)} -> ${dotString(calls.name)};`);
    }
  }
  for (const input of inputs) lines.push(`  ${dotString(input)} [style="rounded", class="cache-input"];`);
  lines.push(`  legend [shape=plaintext, style="", label=${dotString(CacheMessages.picture.legend)}];`, '}');
  return `${lines.join('\n')}\n`;
}

function outcomeOf(statuses: readonly CacheStatus[]): Outcome {
  const hits = statuses.filter((s) => s === 'hit').length;
  const computed = statuses.filter((s) => COMPUTED.has(s)).length;
  if (hits === statuses.length) return 'hit';
  if (hits > 0) return 'mixed';
  return computed > 0 ? 'computed' : 'uncached';
}

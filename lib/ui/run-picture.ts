import type { GraphNode } from '../graph/node.js';
import { renderDot } from '../lineage/dot/render.js';
import { sceneOf } from '../lineage/dot/scene.js';
import { renderSvg } from '../lineage/dot/svg.js';
import type { NodeRecord, RunGraph } from './records.js';

/** Fill colour of a node by what happened to it in the run. */
export const STATUS_COLOURS: Readonly<Record<string, string>> = {
  success: '#a8e0a8',
  hit: '#a9cdf0',
  failed: '#f4a6a6',
  'not run': '#e6e6e6',
};

/** The status a picture shows for a node: failed wins over a cache hit, a hit over a plain success. */
export function shownStatus(records: readonly NodeRecord[]): string {
  if (records.length === 0) return 'not run';
  if (records.some((r) => r.status === 'failed')) return 'failed';
  if (records.every((r) => r.cache === 'hit')) return 'hit';
  return 'success';
}

/**
 * The run's DAG as SVG, through the lineage pictures' DOT writer and Graphviz: each node filled by its status,
 * its border as thick as its share of the slowest node's time, and a tooltip with status, duration and cache.
 */
export async function runPicture(graph: RunGraph, records: readonly NodeRecord[]): Promise<string> {
  const byNode = new Map<string, NodeRecord[]>();
  for (const r of records) byNode.set(r.node, [...(byNode.get(r.node) ?? []), r]);
  const durations = new Map([...byNode].map(([name, rs]) => [name, rs.reduce((sum, r) => sum + (r.durationMs ?? 0), 0)]));
  const slowest = Math.max(1e-9, ...durations.values());
  const names = [...graph.inputs, ...graph.nodes];
  const index = new Map(names.map((name, i) => [name, i]));
  const nodes: GraphNode[] = names.map((name, i) => {
    const dependencies = graph.dependencies.get(name) ?? [];
    const rs = byNode.get(name) ?? [];
    const isInput = !graph.dependencies.has(name);
    return {
      name,
      index: i,
      role: isInput ? 'input' : 'function',
      type: undefined,
      doc: isInput ? `${name}: input` : tooltipOf(name, rs, durations.get(name) ?? 0),
      tags: {},
      originatingFunctions: [],
      featureSet: '',
      callable: undefined,
      dependencies: dependencies.map((d) => ({ name: d, optional: false, type: undefined })),
      dependencyIndices: dependencies.map((d) => index.get(d)!),
      dependentIndices: [],
    };
  });
  const drawing = renderDot(sceneOf(nodes), {
    showLegend: false,
    showTypes: false,
    customStyle: (variable) => {
      if (variable.isExternalInput) return undefined;
      const share = (durations.get(variable.name) ?? 0) / slowest;
      const status = shownStatus(byNode.get(variable.name) ?? []);
      return { style: 'filled', fillcolor: STATUS_COLOURS[status], penwidth: (1 + 4 * share).toFixed(1) };
    },
  });
  return renderSvg(drawing.text);
}

function tooltipOf(name: string, records: readonly NodeRecord[], durationMs: number): string {
  const status = shownStatus(records);
  const cache = [...new Set(records.map((r) => r.cache).filter((c) => c !== undefined))].join(', ');
  return `${name}: ${status}, ${durationMs.toFixed(2)} ms${cache ? `, cache ${cache}` : ''}${records.length > 1 ? `, ${records.length} items` : ''}`;
}

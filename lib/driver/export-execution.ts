import { createHash } from 'node:crypto';
import type { ExecutionPlan } from '../execution/plan.js';
import { originParts, type FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode, Tags } from '../graph/node.js';
import { describeType } from '../metadata/value-types.js';

/** One node of `exportExecution`'s JSON (Hamilton's `HamiltonNode.as_dict()`, camelCased). */
export interface ExportedNode {
  readonly name: string;
  readonly tags: Tags;
  readonly outputType: string;
  readonly requiredDependencies: readonly string[];
  readonly optionalDependencies: readonly string[];
  /** The method's source (null for inputs and config). */
  readonly source: string | null;
  readonly documentation: string;
  /** SHA-256 of the source (null for inputs and config): changes when the code does. */
  readonly version: string | null;
}

/**
 * The nodes a run of the plan involves (what runs, per-item nodes included, and the inputs, config and
 * overrides it reads), sorted by name, as Hamilton's `export_execution` JSON `{ "nodes": [...] }`.
 */
export function exportExecution(graph: FunctionGraph, plan: ExecutionPlan, overrideKeys: readonly string[], classes: readonly Function[]): string {
  const involved = new Set<GraphNode>([...plan.inputs, ...plan.configNodes]);
  for (const step of plan.steps) {
    involved.add(step.node);
    for (const inner of step.fanOut?.steps ?? []) involved.add(inner.node);
  }
  for (const key of overrideKeys) involved.add(graph.get(key)!);
  for (const index of plan.outputIndices) if (index >= 0) involved.add(graph.nodes[index]);
  const nodes = [...involved].map((node) => exported(node, classes)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({ nodes });
}

function exported(node: GraphNode, classes: readonly Function[]): ExportedNode {
  const source = node.role === 'function' ? sourceOf(node, classes) : null;
  return {
    name: node.name,
    tags: node.tags,
    outputType: describeType(node.type),
    requiredDependencies: node.dependencies.filter((d) => !d.optional).map((d) => d.name),
    optionalDependencies: node.dependencies.filter((d) => d.optional).map((d) => d.name),
    source,
    documentation: node.doc,
    version: source === null ? null : createHash('sha256').update(source).digest('hex'),
  };
}

function sourceOf(node: GraphNode, classes: readonly Function[]): string | null {
  const origin = originParts(node);
  const cls = origin && classes.find((c) => c.name === origin.class);
  if (!origin || !cls) return null;
  const fn: unknown = (cls.prototype as Record<string, unknown>)[origin.method];
  return typeof fn === 'function' ? Function.prototype.toString.call(fn) : null;
}

import type { FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { HamiltonError } from '../errors/index.js';
import { ExecutionMessages } from './messages.js';
import type { PlanStep } from './plan.js';

/**
 * A fan-out inside a plan: the steps that run once per item of an expand node, and the per-item values that
 * `@collect` nodes gather (each becomes an array, in item order, under its node's slot).
 */
export interface FanOut {
  /** Steps to run per item, in topological order. */
  readonly steps: readonly PlanStep[];
  /** Graph indices of the per-item values some collect node reads. */
  readonly gathered: readonly number[];
  /** Graph indices of the values computed outside the fan-out that its per-item steps read. */
  readonly reads: readonly number[];
}

/**
 * Checks the fan-out shapes of a whole graph, so that their errors come when the driver is built, as every
 * graph error does: a per-item value read without `@collect`, a node reading two fan-outs, a nested fan-out.
 */
export function checkFanOutShapes(graph: FunctionGraph): void {
  if (!graph.nodes.some((n) => n.dynamic?.kind === 'expand')) return;
  const blockOf = new Int32Array(graph.nodes.length).fill(-1);
  for (const node of topologicalOrder(graph.nodes)) {
    const block = blockFor(node, blockOf);
    if (block >= 0) blockOf[node.index] = block;
    else if (node.dynamic?.kind === 'expand') blockOf[node.index] = node.index;
  }
}

/**
 * Groups the steps of a fan-out under their expand step, which becomes one composite step of the plan: the
 * scheduler runs it as "expand, then the per-item steps for each item". A requested per-item node is an error.
 */
export function groupFanOuts(steps: PlanStep[], requestedOutputs: readonly string[]): PlanStep[] {
  // Most plans have no fan-out: hand their steps back untouched, with no allocation.
  if (!steps.some((s) => s.node.dynamic?.kind === 'expand')) return steps;
  const outputs = new Set(requestedOutputs);
  const fanOutOf = new Map<number, { readonly steps: PlanStep[]; readonly gathered: number[]; readonly reads: number[] }>();
  const topLevel: PlanStep[] = [];
  for (const step of steps) {
    const { node } = step;
    const block = node.dependencyIndices.find((index, i) => fanOutOf.has(index) && !isCollected(node, i));
    if (block !== undefined) {
      if (outputs.has(node.name)) throw new HamiltonError(ExecutionMessages.perItemOutput(node.name));
      const fanOut = fanOutOf.get(block)!;
      fanOut.steps.push(step);
      fanOutOf.set(node.index, fanOut);
      continue;
    }
    node.dependencyIndices.forEach((index) => {
      const fanOut = fanOutOf.get(index);
      if (fanOut && !fanOut.gathered.includes(index)) fanOut.gathered.push(index);
    });
    if (node.dynamic?.kind === 'expand') {
      const fanOut = { steps: [] as PlanStep[], gathered: [] as number[], reads: [] as number[] };
      fanOutOf.set(node.index, fanOut);
      topLevel.push({ ...step, fanOut });
    } else topLevel.push(step);
  }
  for (const step of topLevel) if (step.fanOut) collectReads(step, fanOutOf);
  return topLevel;
}

/** The values from outside the fan-out that its per-item steps read (each item reads them again). */
function collectReads(step: PlanStep, fanOutOf: ReadonlyMap<number, unknown>): void {
  const reads = step.fanOut!.reads as number[];
  for (const inner of step.fanOut!.steps) {
    for (const index of inner.node.dependencyIndices) if (!fanOutOf.has(index) && !reads.includes(index)) reads.push(index);
  }
}

function isCollected(node: GraphNode, position: number): boolean {
  return node.dynamic?.kind === 'collect' && node.dependencies[position].name === node.dynamic.parameter;
}

/** The fan-out (its expand node's index) a node runs in per item, or -1; throws on a shape that cannot run. */
function blockFor(node: GraphNode, blockOf: Int32Array): number {
  const read = new Set<number>();
  let perItemName: string | undefined;
  node.dependencyIndices.forEach((index, i) => {
    if (blockOf[index] < 0) return;
    if (isCollected(node, i)) return;
    read.add(blockOf[index]);
    perItemName ??= node.dependencies[i].name;
  });
  if (read.size > 1) throw new HamiltonError(ExecutionMessages.mixedFanOuts(node.name));
  if (read.size === 0) return -1;
  if (node.dynamic?.kind === 'collect') throw new HamiltonError(ExecutionMessages.uncollectedRead(node.name, perItemName!));
  if (node.dynamic?.kind === 'expand') throw new HamiltonError(ExecutionMessages.nestedFanOut(node.name));
  return [...read][0];
}

/** The nodes, each after every node it reads (iterative: graphs can be long chains). */
export function topologicalOrder(nodes: readonly GraphNode[]): GraphNode[] {
  const order: GraphNode[] = [];
  const seen = new Uint8Array(nodes.length);
  const stack: number[] = [];
  const cursor: number[] = [];
  for (const root of nodes) {
    if (seen[root.index]) continue;
    seen[root.index] = 1;
    stack.push(root.index);
    cursor.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = nodes[stack[top]];
      if (cursor[top] < node.dependencyIndices.length) {
        const next = node.dependencyIndices[cursor[top]++];
        if (!seen[next]) {
          seen[next] = 1;
          stack.push(next);
          cursor.push(0);
        }
        continue;
      }
      order.push(node);
      stack.pop();
      cursor.pop();
    }
  }
  return order;
}

import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
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
}

/**
 * Groups the steps of a fan-out under their expand step, which becomes one composite step of the plan: the
 * executors run it as "expand, then the per-item steps for each item". Checks the shape: nothing outside reads
 * a per-item value except through `@collect`, no nested fan-outs, and no per-item node is requested.
 */
export function groupFanOuts(steps: PlanStep[], requestedOutputs: readonly string[]): PlanStep[] {
  // Most plans have no fan-out: hand their steps back untouched, with no allocation.
  if (!steps.some((s) => s.node.dynamic?.kind === 'expand')) return steps;
  const outputs = new Set(requestedOutputs);
  const fanOutOf = new Map<number, { readonly expand: number; readonly steps: PlanStep[]; readonly gathered: number[] }>();
  const topLevel: PlanStep[] = [];
  for (const step of steps) {
    const { node } = step;
    const collected = node.dynamic?.kind === 'collect' ? node.dynamic.parameter : undefined;
    const perItem = new Set<number>();
    node.dependencies.forEach((dependency, i) => {
      const index = node.dependencyIndices[i];
      const fanOut = fanOutOf.get(index);
      if (!fanOut) return;
      if (dependency.name === collected) {
        if (!fanOut.gathered.includes(index)) fanOut.gathered.push(index);
      } else perItem.add(fanOut.expand);
    });
    if (perItem.size > 1) throw new HamiltonError(Messages.mixedFanOuts(node.name));
    if (perItem.size === 1) {
      if (collected !== undefined) {
        const read = node.dependencies.find((d, i) => d.name !== collected && fanOutOf.has(node.dependencyIndices[i]))!;
        throw new HamiltonError(Messages.uncollectedRead(node.name, read.name));
      }
      if (node.dynamic?.kind === 'expand') throw new HamiltonError(Messages.nestedFanOut(node.name));
      if (outputs.has(node.name)) throw new HamiltonError(Messages.perItemOutput(node.name));
      const fanOut = fanOutOf.get(node.dependencyIndices.find((i) => fanOutOf.has(i))!)!;
      fanOut.steps.push(step);
      fanOutOf.set(node.index, fanOut);
      continue;
    }
    if (node.dynamic?.kind === 'expand') {
      const fanOut = { expand: node.index, steps: [] as PlanStep[], gathered: [] as number[] };
      fanOutOf.set(node.index, fanOut);
      topLevel.push({ ...step, fanOut });
      continue;
    }
    topLevel.push(step);
  }
  return topLevel;
}

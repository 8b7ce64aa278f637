import type { ExecutionPlan, PlanStep } from './plan.js';

/**
 * Chains of a plan for an executor that runs tasks elsewhere: runs of top-level steps where each is the only
 * reader of the one before and reads no other step, so the whole run is one task, one round trip, instead of
 * one per node. Per position: the chain it heads (positions in order), or `undefined`; chains have 2+ steps.
 */
export interface Chains {
  readonly headed: readonly (readonly number[] | undefined)[];
  /** Positions inside a chain but not heading it: the chain's task runs them, readiness must not. */
  readonly inner: Uint8Array;
}

const cache = new WeakMap<ExecutionPlan, Chains>();

/** The chains of a plan, for steps that `chainable` says may run in a task (cached per plan). */
export function chainsOf(plan: ExecutionPlan, chainable: (step: PlanStep) => boolean): Chains {
  let chains = cache.get(plan);
  if (chains) return chains;
  const { steps } = plan;
  const next = (position: number): number => {
    const step = steps[position];
    if (step.downstreamSteps.length !== 1) return -1;
    const reader = step.downstreamSteps[0];
    return steps[reader].upstreamSteps.length === 1 && chainable(steps[reader]) ? reader : -1;
  };
  const headed = new Array<number[] | undefined>(steps.length);
  const inner = new Uint8Array(steps.length);
  for (let position = 0; position < steps.length; position++) {
    if (inner[position] || !chainable(steps[position])) continue;
    const chain = [position];
    for (let link = next(position); link >= 0 && !inner[link] && headed[link] === undefined; link = next(link)) {
      chain.push(link);
      inner[link] = 1;
    }
    if (chain.length > 1) headed[position] = chain;
  }
  chains = { headed, inner };
  cache.set(plan, chains);
  return chains;
}

import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import { describeValue } from '../graph/types.js';
import type { NodeCall } from './concurrent-run.js';
import type { PlanStep } from './plan.js';
import type { RunContext } from './run-context.js';

/**
 * Runs a fan-out step synchronously: the expand node, then the per-item steps in order for each item, one
 * item after another in the run's own value slots; each gathered value becomes the array of its per-item
 * values. Returns the items (the expand node's value).
 */
export function runFanOutSync(context: RunContext, step: PlanStep, args: unknown[]): unknown[] {
  const produced = step.node.callable!(args);
  if (isThenable(produced) || isAsyncIterable(produced)) {
    if (isThenable(produced)) (produced as Promise<unknown>).catch(() => undefined);
    throw new HamiltonError(Messages.asyncNodeInSyncDriver(step.node.name, originOf(step.node)));
  }
  const items = itemsOf(step, produced);
  const { fanOut } = step;
  const values = context.values;
  const gathered = fanOut!.gathered.map(() => [] as unknown[]);
  for (const item of items) {
    values[step.node.index] = item;
    for (const inner of fanOut!.steps) {
      const innerArgs = context.argumentsOf(inner);
      let result: unknown;
      try {
        result = inner.node.callable!(innerArgs);
      } catch (error) {
        throw context.failure(inner, innerArgs, error);
      }
      if (isThenable(result)) {
        (result as Promise<unknown>).catch(() => undefined);
        throw new HamiltonError(Messages.asyncNodeInSyncDriver(inner.node.name, originOf(inner.node)));
      }
      values[inner.node.index] = result;
    }
    fanOut!.gathered.forEach((index, g) => gathered[g].push(values[index]));
  }
  fanOut!.gathered.forEach((index, g) => (values[index] = gathered[g]));
  return items;
}

/**
 * Runs a fan-out step asynchronously: items run concurrently, each through the per-item steps in order (async
 * nodes awaited), each with its own values on top of the run's. Resolves to the items.
 */
export async function runFanOutAsync(context: RunContext, step: PlanStep, args: unknown[], callNode: NodeCall): Promise<unknown[]> {
  let produced = callNode(step.node, args);
  if (isThenable(produced)) produced = await produced;
  const items: unknown[] = [];
  if (isAsyncIterable(produced)) for await (const item of produced) items.push(item);
  else items.push(...itemsOf(step, produced));
  const perItem = await Promise.all(items.map((item) => runItem(context, step, item, callNode)));
  step.fanOut!.gathered.forEach((index) => (context.values[index] = perItem.map((values) => values.get(index))));
  return items;
}

async function runItem(context: RunContext, step: PlanStep, item: unknown, callNode: NodeCall): Promise<Map<number, unknown>> {
  const own = new Map<number, unknown>([[step.node.index, item]]);
  for (const inner of step.fanOut!.steps) {
    const args = inner.argumentIndices.map((i) => (i < 0 ? undefined : own.has(i) ? own.get(i) : context.values[i]));
    try {
      let result = callNode(inner.node, args);
      if (isThenable(result)) result = await result;
      own.set(inner.node.index, result);
    } catch (error) {
      throw context.failure(inner, args, error);
    }
  }
  return own;
}

function itemsOf(step: PlanStep, produced: unknown): unknown[] {
  if (produced !== null && typeof produced === 'object' && Symbol.iterator in produced) return Array.from(produced as Iterable<unknown>);
  throw new HamiltonError(Messages.notIterable(step.node.name, originOf(step.node), describeValue(produced)));
}

/** Whether a value is a promise-like. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import { describeValue } from '../metadata/value-types.js';
import type { FanOut } from './blocks.js';
import { ExecutionMessages } from './messages.js';
import type { PlanStep } from './plan.js';
import type { Scheduler } from './scheduler.js';
import { taskOf } from './task-calls.js';
import type { Task } from './task.js';
import { isAsyncIterable, isThenable, silence } from '../metadata/thenable.js';

/** Items in flight at once when a fan-out reads an async iterable and sets no `concurrency`. */
export const DEFAULT_STREAM_CONCURRENCY = 16;

type ItemIterator = { next(): IteratorResult<unknown> | PromiseLike<IteratorResult<unknown>>; return?(): unknown };

/**
 * One fan-out of a run, after its expand node produced the items: runs the per-item steps once per item and
 * gathers what `@collect` nodes read, in item order. Items are pulled one at a time, so a stream or a large
 * file is read as the items are worked (at most `concurrency` in flight under the AsyncDriver), and only the
 * gathered values are kept. Under an executor with `run`, an item's whole branch is one task.
 */
export class FanOutRun {
  private readonly fanOut: FanOut;
  /** Per gathered value, the per-item values in item order. */
  private readonly gathered: unknown[][];
  /** The items, kept only when something reads them after the fan-out. */
  private readonly items: unknown[] | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly step: PlanStep,
    private readonly args: unknown[],
  ) {
    this.fanOut = step.fanOut!;
    this.gathered = this.fanOut.gathered.map(() => []);
    const itemsRead = this.fanOut.gathered.includes(step.node.index) || scheduler.context.plan.outputIndices.includes(step.node.index);
    this.items = itemsRead ? [] : undefined;
  }

  /** The expand node's value (the items, or undefined when nothing reads them) once every item is done. */
  run(produced: unknown): unknown {
    if (this.scheduler.sync) return this.runSync(produced);
    return this.runAsync(produced);
  }

  private runSync(produced: unknown): unknown {
    if (isThenable(produced) || isAsyncIterable(produced)) {
      silence(produced);
      throw new HamiltonError(ExecutionMessages.asyncNodeInSyncDriver(this.step.node.name, originOf(this.step.node)));
    }
    const iterator = this.iteratorOf(produced);
    const values = this.scheduler.context.values;
    const expand = this.step.node.index;
    try {
      for (let index = 0; ; index++) {
        const next = this.pull(iterator) as IteratorResult<unknown>;
        if (next.done) break;
        this.items?.push(next.value);
        values[expand] = next.value;
        for (const inner of this.fanOut.steps) {
          values[inner.node.index] = this.scheduler.runNode(inner.node, this.scheduler.context.argumentsOf(inner), index);
        }
        this.fanOut.gathered.forEach((slot, g) => this.gathered[g].push(values[slot]));
      }
    } catch (error) {
      callReturn(iterator);
      throw error;
    }
    return this.finish();
  }

  private async runAsync(produced: unknown): Promise<unknown> {
    const iterator = this.iteratorOf(produced);
    const limit = this.concurrency(produced);
    // Items in flight, and the one waiter told when one settles: O(1) per item (racing every promise
    // in flight on each settlement would be O(n^2) over a large fan-out).
    let active = 0;
    let wake: (() => void) | undefined;
    const settled = () => {
      active--;
      const waiting = wake;
      wake = undefined;
      waiting?.();
    };
    const oneSettles = () => new Promise<void>((resolve) => (wake = resolve));
    let failure: { error: unknown } | undefined;
    const onItemFailed = (error: unknown) => {
      failure ??= { error };
      this.scheduler.stop(error);
    };
    let exhausted = false;
    try {
      for (let index = 0; !this.scheduler.stopped; index++) {
        let next = this.pull(iterator);
        if (isThenable(next)) next = await next;
        if (next.done) {
          exhausted = true;
          break;
        }
        this.items?.push(next.value);
        active++;
        this.runItem(index, next.value).then(settled, (error: unknown) => {
          onItemFailed(error);
          settled();
        });
        while (active >= limit && !this.scheduler.stopped) await oneSettles();
      }
    } catch (error) {
      onItemFailed(error);
    }
    if (!exhausted) silence(callReturn(iterator));
    // Nothing of the fan-out may outlive it: wait for the items already running, even after a failure.
    while (active > 0) await oneSettles();
    if (failure) throw failure.error;
    return this.finish();
  }

  /** Runs one item's branch; its per-item values go to `gathered` at the item's position. */
  private async runItem(index: number, item: unknown): Promise<void> {
    const { scheduler, fanOut } = this;
    const own = new Map<number, unknown>([[this.step.node.index, item]]);
    // With a cache, each node is looked up on its own, so an item's branch is not sent as one task.
    if (!scheduler.cache && fanOut.steps.length > 0 && fanOut.steps.every((inner) => scheduler.runsRemotely(inner.node))) {
      const values = await scheduler.tasks.ofNodes(
        this.itemTask(index, item),
        fanOut.steps.map((s) => s.node),
        index,
      );
      for (const inner of fanOut.steps) if (inner.node.name in values) own.set(inner.node.index, values[inner.node.name]);
    } else {
      const context = scheduler.context.values;
      for (const inner of fanOut.steps) {
        if (scheduler.stopped) return;
        const args = inner.argumentIndices.map((i) => (i < 0 ? undefined : own.has(i) ? own.get(i) : context[i]));
        let value = scheduler.runNode(inner.node, args, index);
        if (isThenable(value)) value = await value;
        own.set(inner.node.index, value);
      }
    }
    fanOut.gathered.forEach((slot, g) => (this.gathered[g][index] = own.get(slot)));
  }

  /** An item's whole branch as one task: the item and every value the branch reads from outside. */
  private itemTask(index: number, item: unknown): Task {
    const { context } = this.scheduler;
    const nodes = context.graph.nodes;
    const planned = new Set(this.fanOut.steps.flatMap((s) => s.argumentIndices));
    const reads: [string, unknown][] = [[this.step.node.name, item]];
    for (const slot of this.fanOut.reads) if (planned.has(slot)) reads.push([nodes[slot].name, context.values[slot]]);
    const inBranch = new Set(this.fanOut.steps.map((s) => s.node.index));
    const outputs = this.fanOut.gathered.filter((slot) => inBranch.has(slot)).map((slot) => nodes[slot].name);
    const names = this.fanOut.steps.map((s) => s.node.name);
    return taskOf(`${this.step.node.name}[${index}]`, context.runId, names, outputs, reads);
  }

  /** Puts each gathered array in its node's slot; the expand node's own value is the items, if kept. */
  private finish(): unknown {
    const values = this.scheduler.context.values;
    this.fanOut.gathered.forEach((slot, g) => (values[slot] = this.gathered[g]));
    return this.items;
  }

  private concurrency(produced: unknown): number {
    const dynamic = this.step.node.dynamic;
    const set = dynamic?.kind === 'expand' ? dynamic.concurrency : undefined;
    return set ?? (isAsyncIterable(produced) ? DEFAULT_STREAM_CONCURRENCY : Infinity);
  }

  private iteratorOf(produced: unknown): ItemIterator {
    try {
      if (isAsyncIterable(produced)) return produced[Symbol.asyncIterator]() as ItemIterator;
      if (produced !== null && typeof produced === 'object' && Symbol.iterator in produced) {
        return (produced as Iterable<unknown>)[Symbol.iterator]() as ItemIterator;
      }
    } catch (error) {
      throw this.scheduler.context.failure(this.step.node, this.args, error);
    }
    const { node } = this.step;
    const notIterable = new HamiltonError(ExecutionMessages.notIterable(node.name, originOf(node), describeValue(produced)));
    throw this.scheduler.context.failure(node, this.args, notIterable);
  }

  /** The next item; an iterator that throws is the expand node's failure. */
  private pull(iterator: ItemIterator): IteratorResult<unknown> | PromiseLike<IteratorResult<unknown>> {
    const blame = (error: unknown) => this.scheduler.context.failure(this.step.node, this.args, error);
    try {
      const next = iterator.next();
      if (!isThenable(next)) return next;
      return Promise.resolve(next).then(undefined, (error: unknown) => {
        throw blame(error);
      });
    } catch (error) {
      throw blame(error);
    }
  }
}

/** Closes an iterator left early (a generator's `finally`, a stream's handle). */
function callReturn(iterator: ItemIterator): unknown {
  try {
    return iterator.return?.();
  } catch {
    return undefined;
  }
}

import { ERROR_SENTINEL_TAG, INJECTION_ALLOWED } from '../../constants/metadata-keys.js';
import { HamiltonError } from '../../errors/index.js';
import { describeValue } from '../../metadata/value-types.js';
import type { LifecycleAdapter, NodeCall } from '../adapters.js';
import { isAsyncIterable, isThenable } from '../../metadata/thenable.js';
import { AdapterMessages } from './messages.js';

/** The default sentinel's class: one object per adapter, never equal to a value a node could return. */
export class ErrorSentinel {
  toString(): string {
    return AdapterMessages.sentinel;
  }
}

/** Options of `GracefulErrorAdapter`. */
export interface GracefulErrorOptions {
  /** Only errors of this class are caught (default: any); others fail the run as usual. */
  readonly errorToCatch?: abstract new (...args: never[]) => unknown;
  /** What a failed node yields (default: a fresh `ErrorSentinel`, unique to this adapter). */
  readonly sentinelValue?: unknown;
  /** A fan-out whose iterator fails keeps the items it yielded, then the sentinel (default true); false: only the sentinel. */
  readonly tryAllParallel?: boolean;
  /** Nodes marked `@acceptErrorSentinels()` run with the sentinel as an argument (default true); false: they are skipped too. */
  readonly allowInjection?: boolean;
}

const OPTIONS = ['errorToCatch', 'sentinelValue', 'tryAllParallel', 'allowInjection'];

/**
 * A failing node yields a sentinel instead of failing the run (Hamilton's `GracefulErrorAdapter`), and every
 * node that reads a sentinel is skipped and yields it too, so the rest of the graph still runs. Unlike
 * Hamilton's default (`None`), the default sentinel is an object unique to the adapter (`adapter.sentinel`),
 * so a node that really returns `null` or `undefined` is not taken for a failure. A fan-out's expand node is
 * read to the end when it is called (its items are gathered at once); if its iterator fails, the items
 * already yielded are kept and the sentinel added (`tryAllParallel: false`: only the sentinel).
 *
 * @example
 * const graceful = new GracefulErrorAdapter({ errorToCatch: DoNotProceed });
 * const dr = new Builder().withModules(Features).withAdapters(graceful).build();
 * dr.execute(['willProceed', 'neverReached']); // { willProceed: 1, neverReached: graceful.sentinel }
 */
export class GracefulErrorAdapter implements LifecycleAdapter {
  readonly sentinel: unknown;
  private readonly errorToCatch: (abstract new (...args: never[]) => unknown) | undefined;
  private readonly tryAllParallel: boolean;
  private readonly allowInjection: boolean;

  constructor(options: GracefulErrorOptions = {}) {
    const fail = (problem: string) => new HamiltonError(AdapterMessages.badGracefulOptions(problem));
    if (options === null || typeof options !== 'object' || Array.isArray(options))
      throw fail(AdapterMessages.unknownOption([describeValue(options)]));
    const unknown = Object.keys(options).filter((key) => !OPTIONS.includes(key));
    if (unknown.length > 0) throw fail(AdapterMessages.unknownOption(unknown));
    const { errorToCatch, tryAllParallel = true, allowInjection = true } = options;
    if (errorToCatch !== undefined && typeof errorToCatch !== 'function') throw fail(AdapterMessages.badErrorToCatch(describeValue(errorToCatch)));
    if (typeof tryAllParallel !== 'boolean') throw fail(AdapterMessages.badFlag('tryAllParallel', describeValue(tryAllParallel)));
    if (typeof allowInjection !== 'boolean') throw fail(AdapterMessages.badFlag('allowInjection', describeValue(allowInjection)));
    this.sentinel = 'sentinelValue' in options ? options.sentinelValue : Object.freeze(new ErrorSentinel());
    this.errorToCatch = errorToCatch;
    this.tryAllParallel = tryAllParallel;
    this.allowInjection = allowInjection;
  }

  wrapNodeCall(call: NodeCall): unknown {
    const failed = call.isExpand ? [this.sentinel] : this.sentinel;
    const injects = this.allowInjection && call.tags[ERROR_SENTINEL_TAG] === INJECTION_ALLOWED;
    if (!injects && call.argList.some((arg) => this.isSentinel(arg))) return failed;
    const caught = (error: unknown) => {
      if (!this.catches(error)) throw error;
      return failed;
    };
    let result: unknown;
    try {
      result = call.call();
    } catch (error) {
      return caught(error);
    }
    if (isThenable(result)) return Promise.resolve(result).then((value) => (call.isExpand ? this.drain(value) : value), caught);
    return call.isExpand ? this.drain(result) : result;
  }

  private isSentinel(value: unknown): boolean {
    return value === this.sentinel || (Number.isNaN(this.sentinel) && Number.isNaN(value));
  }

  private catches(error: unknown): boolean {
    return this.errorToCatch === undefined || error instanceof this.errorToCatch;
  }

  /** Reads a fan-out's items at once, so that a failure part-way keeps what came before it. */
  private drain(produced: unknown): unknown {
    if (isAsyncIterable(produced)) return this.drainAsync(produced);
    if (produced === null || typeof produced !== 'object' || !(Symbol.iterator in produced)) return produced;
    const items: unknown[] = [];
    try {
      for (const item of produced as Iterable<unknown>) items.push(item);
    } catch (error) {
      return this.afterFailure(items, error);
    }
    return items;
  }

  private async drainAsync(produced: AsyncIterable<unknown>): Promise<unknown[]> {
    const items: unknown[] = [];
    try {
      for await (const item of produced) items.push(item);
    } catch (error) {
      return this.afterFailure(items, error);
    }
    return items;
  }

  private afterFailure(items: unknown[], error: unknown): unknown[] {
    if (!this.catches(error)) throw error;
    return this.tryAllParallel ? [...items, this.sentinel] : [this.sentinel];
  }
}

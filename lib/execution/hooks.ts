import { describeCause, HamiltonError } from '../errors/index.js';
import type { LifecycleAdapter } from './adapters.js';
import { AdapterMessages } from './adapters/messages.js';
import { ExecutionMessages } from './messages.js';
import { isThenable, silence } from '../metadata/thenable.js';

type HookName = keyof LifecycleAdapter;
type EventOf<H extends HookName> = Parameters<NonNullable<LifecycleAdapter[H]>>[0];

/**
 * Calls one lifecycle hook on every adapter, in order, for both drivers: `sync` refuses a hook that returns
 * a thenable (the sync Driver cannot wait for it), otherwise each is awaited before the next. Either way a
 * hook that throws becomes the same `HamiltonError`, naming the adapter, the hook and the node.
 */
export class Hooks {
  readonly any: boolean;
  /** Whether some adapter has a node hook: without one, nodes run with no event built for them. */
  readonly nodeHooks: boolean;
  /** The one adapter that takes over node calls (`wrapNodeCall`), if any. */
  readonly nodeCallWrapper: LifecycleAdapter | undefined;

  constructor(
    private readonly adapters: readonly LifecycleAdapter[],
    readonly sync: boolean,
  ) {
    this.any = adapters.length > 0;
    this.nodeHooks = adapters.some((a) => a.beforeNodeExecute !== undefined || a.afterNodeExecute !== undefined);
    this.nodeCallWrapper = nodeCallWrapperOf(adapters);
  }

  call<H extends HookName>(hook: H, event: EventOf<H>): void | Promise<void> {
    for (let i = 0; i < this.adapters.length; i++) {
      const returned = this.callOne(this.adapters[i], hook, event);
      if (returned === undefined) continue;
      if (this.sync) {
        silence(returned);
        throw new HamiltonError(ExecutionMessages.asyncHookInSyncDriver(adapterName(this.adapters[i]), hook));
      }
      return Promise.resolve(returned).then(
        () => this.callFrom(i + 1, hook, event),
        (error: unknown) => {
          throw hookError(this.adapters[i], hook, event, error);
        },
      );
    }
  }

  private async callFrom<H extends HookName>(start: number, hook: H, event: EventOf<H>): Promise<void> {
    for (let i = start; i < this.adapters.length; i++) {
      const returned = this.callOne(this.adapters[i], hook, event);
      if (returned === undefined) continue;
      try {
        await returned;
      } catch (error) {
        throw hookError(this.adapters[i], hook, event, error);
      }
    }
  }

  /** Calls the hook; returns a thenable it returned, or undefined. */
  private callOne<H extends HookName>(adapter: LifecycleAdapter, hook: H, event: EventOf<H>): PromiseLike<unknown> | undefined {
    const method = adapter[hook] as ((event: EventOf<H>) => unknown) | undefined;
    if (method === undefined) return undefined;
    let returned: unknown;
    try {
      returned = method.call(adapter, event);
    } catch (error) {
      throw hookError(adapter, hook, event, error);
    }
    return isThenable(returned) ? returned : undefined;
  }
}

/** The adapter implementing `wrapNodeCall`; two of them are a `HamiltonError` (Hamilton allows one). */
export function nodeCallWrapperOf(adapters: readonly LifecycleAdapter[]): LifecycleAdapter | undefined {
  const wrappers = adapters.filter((a) => typeof a.wrapNodeCall === 'function');
  if (wrappers.length > 1) throw new HamiltonError(AdapterMessages.twoNodeCallWrappers(wrappers.map(adapterName)));
  return wrappers[0];
}

function hookError(adapter: LifecycleAdapter, hook: HookName, event: unknown, cause: unknown): HamiltonError {
  const node = (event as { node?: unknown }).node;
  return new HamiltonError(
    ExecutionMessages.hookFailed(adapterName(adapter), hook, typeof node === 'string' ? node : undefined, describeCause(cause)),
    { cause },
  );
}

/** An adapter's class name, for messages. */
export function adapterName(adapter: LifecycleAdapter): string {
  return (adapter as object).constructor?.name || 'adapter';
}

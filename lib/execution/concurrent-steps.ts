import { chainsOf, type Chains } from './chains.js';
import type { Scheduler } from './scheduler.js';
import { isThenable } from '../metadata/thenable.js';

/**
 * The async run of a plan's top-level steps: each starts once the steps it reads are done. Settles once:
 * at the first failure after what runs has settled, at an abort at once, or when every step is done.
 */
export class ConcurrentSteps {
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private readonly waiting: Int32Array;
  private readonly ready: number[] = [];
  private done = 0;
  private inFlight = 0;
  private failure: { readonly error: unknown } | undefined;
  private settled = false;
  private readonly chains: Chains | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const steps = scheduler.context.plan.steps;
    this.chains = scheduler.chainsToo ? chainsOf(scheduler.context.plan, (step) => scheduler.chainable(step)) : undefined;
    this.waiting = Int32Array.from(steps, (s) => s.upstreamSteps.length);
    for (let i = steps.length - 1; i >= 0; i--) if (this.waiting[i] === 0) this.ready.push(i);
    if (signal?.aborted) this.abort();
    else {
      signal?.addEventListener('abort', this.onAbort, { once: true });
      this.pump();
    }
  }

  private readonly onAbort = () => this.abort();

  private pump(): void {
    const steps = this.scheduler.context.plan.steps;
    while (this.ready.length > 0 && !this.scheduler.stopped) {
      const position = this.ready.pop()!;
      const chain = this.chains?.headed[position];
      if (chain) {
        this.runChain(chain);
        continue;
      }
      let result: unknown;
      try {
        result = this.scheduler.runStep(steps[position]);
      } catch (error) {
        this.fail(error);
        break;
      }
      if (isThenable(result)) {
        this.inFlight++;
        // Promise.resolve adopts any thenable once: a node's thenable that settles twice is seen once.
        Promise.resolve(result).then(
          (value) => this.onStepDone(position, value),
          (error: unknown) => this.onStepFailed(error),
        );
      } else this.complete(position, result);
    }
    this.finishIfDone();
  }

  /** A chain's task; once back, each of its steps completes in order (inner values are not sent back). */
  private runChain(chain: readonly number[]): void {
    const steps = this.scheduler.context.plan.steps;
    this.inFlight++;
    this.scheduler.runChain(chain.map((position) => steps[position])).then(
      (values) => {
        this.inFlight--;
        if (this.scheduler.stopped) return this.finishIfDone();
        for (const position of chain) this.complete(position, values[steps[position].node.name]);
        this.pump();
      },
      (error: unknown) => this.onStepFailed(error),
    );
  }

  private onStepDone(position: number, value: unknown): void {
    this.inFlight--;
    if (this.scheduler.stopped) return this.finishIfDone();
    this.complete(position, value);
    this.pump();
  }

  private onStepFailed(error: unknown): void {
    this.inFlight--;
    this.fail(error);
    this.finishIfDone();
  }

  private complete(position: number, value: unknown): void {
    const step = this.scheduler.context.plan.steps[position];
    this.scheduler.context.store(step, value);
    this.done++;
    const inner = this.chains?.inner;
    for (const downstream of step.downstreamSteps) if (--this.waiting[downstream] === 0 && !inner?.[downstream]) this.ready.push(downstream);
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.scheduler.stop(error);
  }

  private finishIfDone(): void {
    if (this.settled) return;
    if (this.failure) {
      if (this.inFlight > 0) return;
      this.end();
      this.reject(this.failure.error);
    } else if (this.done === this.scheduler.context.plan.steps.length) {
      this.end();
      this.resolve();
    }
  }

  private abort(): void {
    if (this.settled) return;
    const reason: unknown = this.signal?.reason ?? new DOMException('The run was aborted.', 'AbortError');
    this.scheduler.stop(reason);
    this.end();
    this.reject(reason);
  }

  /** Marks the run over and lets go of the signal, which may outlive many runs (a service's deadline). */
  private end(): void {
    this.settled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { DataFrame, Series } from 'danfojs';
import {
  AsyncDriver,
  Builder,
  extractColumns,
  extractFields,
  MissingInputError,
  node,
  NodeExecutionError,
  parameterizeValues,
  type LifecycleAdapter,
} from 'hamilton-ts';

/** A promise with its resolver, to make concurrency observable without timing. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** Rejects if `promise` has not settled after `ms`: turns a would-be deadlock into a failing test. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('deadlock: not concurrent')), ms).unref())]);
}

describe('AsyncDriver', () => {
  it('runs independent async nodes concurrently, each once', async () => {
    const aStarted = gate();
    const bStarted = gate();
    const calls: string[] = [];
    class Concurrent {
      async a(x: number): Promise<number> {
        calls.push('a');
        aStarted.open();
        await bStarted.promise; // only completes if b runs while a is pending
        return x + 1;
      }
      async b(x: number): Promise<number> {
        calls.push('b');
        bStarted.open();
        await aStarted.promise;
        return x + 2;
      }
      sum(a: number, b: number): number {
        calls.push('sum');
        return a + b;
      }
      twice(sum: number, a: number): number {
        calls.push('twice');
        return sum * 2 + a;
      }
    }
    const dr = await new Builder().withModules(Concurrent).buildAsync();
    const result = await within(dr.execute(['twice', 'sum'], { inputs: { x: 1 } }));
    expect(result).to.deep.equal({ twice: 12, sum: 5 });
    expect(calls.filter((c) => c === 'a')).to.have.length(1);
    expect(calls.slice(2)).to.deep.equal(['sum', 'twice']);
  });

  it('new AsyncDriver returns a DataFrame by default', async () => {
    class Cols {
      async doubled(input: Series): Promise<Series> {
        return input.mul(2);
      }
    }
    const df = await new AsyncDriver({}, Cols).execute(['doubled'], { inputs: { input: new Series([1, 2]) } });
    expect(df).to.be.instanceOf(DataFrame);
    expect(df.column('doubled').values).to.deep.equal([2, 4]);
  });

  it('validates before any node runs', async () => {
    let ran = false;
    class Needs {
      async a(x: number, y: number): Promise<number> {
        ran = true;
        return x + y;
      }
    }
    const dr = await new Builder().withModules(Needs).buildAsync();
    const error = await dr.execute(['a'], { inputs: { x: 1 } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(MissingInputError);
    expect(ran).to.equal(false);
  });

  it('rejects with NodeExecutionError after the running siblings settle, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let siblingFinished = false;
    let downstreamRan = false;
    class Failing {
      async bad(x: number): Promise<number> {
        await Promise.resolve();
        throw new Error(`bad ${x}`);
      }
      async slow(x: number): Promise<number> {
        await new Promise((r) => setTimeout(r, 20));
        siblingFinished = true;
        return x;
      }
      after(bad: number, slow: number): number {
        downstreamRan = true;
        return bad + slow;
      }
    }
    try {
      const dr = await new Builder().withModules(Failing).buildAsync();
      const error = (await dr.execute(['after'], { inputs: { x: 1 } }).catch((e: unknown) => e)) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error.nodeName).to.equal('bad');
      expect((error.cause as Error).message).to.equal('bad 1');
      expect(siblingFinished).to.equal(true);
      expect(downstreamRan).to.equal(false);
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a synchronous throw inside the async run is a NodeExecutionError too', async () => {
    class Thrower {
      boom(x: number): number {
        throw new RangeError(`no ${x}`);
      }
    }
    const dr = await new Builder().withModules(Thrower).buildAsync();
    const error = (await dr.execute(['boom'], { inputs: { x: 2 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.cause).to.be.instanceOf(RangeError);
  });

  it('an AbortSignal cancels the run: execute rejects with its reason and no later node starts', async () => {
    const started = gate();
    let laterRan = false;
    class Slow {
      async first(x: number): Promise<number> {
        started.open();
        await new Promise((r) => setTimeout(r, 50));
        return x;
      }
      later(first: number): number {
        laterRan = true;
        return first;
      }
    }
    const dr = await new Builder().withModules(Slow).buildAsync();
    const controller = new AbortController();
    const run = dr.execute(['later'], { inputs: { x: 1 }, signal: controller.signal });
    await started.promise;
    controller.abort(new Error('deadline'));
    const error = (await run.catch((e: unknown) => e)) as Error;
    expect(error.message).to.equal('deadline');
    await new Promise((r) => setTimeout(r, 70));
    expect(laterRan).to.equal(false);
  });

  it('lets go of the signal when the run ends, so one signal can serve many runs', async () => {
    class Quick {
      async a(x: number): Promise<number> {
        return x;
      }
    }
    const dr = await new Builder().withModules(Quick).buildAsync();
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) await dr.execute(['a'], { inputs: { x: i }, signal: controller.signal });
    expect(EventEmitter.getEventListeners(controller.signal, 'abort')).to.have.length(0);
  });

  it('an already aborted signal runs nothing', async () => {
    let ran = false;
    class One {
      a(x: number): number {
        ran = true;
        return x;
      }
    }
    const dr = await new Builder().withModules(One).buildAsync();
    const error = await dr.execute(['a'], { inputs: { x: 1 }, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
    expect(ran).to.equal(false);
  });

  it('every decorator works on async methods', async () => {
    class Decorated {
      @extractColumns('budget', 'age')
      async survey(rows: number): Promise<DataFrame> {
        await Promise.resolve();
        return new DataFrame({ budget: Array.from({ length: rows }, (_, i) => i), age: Array.from({ length: rows }, (_, i) => 30 + i) });
      }

      @extractFields({ mean: Number })
      async stats(age: Series): Promise<{ mean: number }> {
        return { mean: age.mean() };
      }

      @parameterizeValues('factor', { ageX2: 2, ageX3: 3 })
      @node()
      async scaled(age: Series, factor: number): Promise<Series> {
        return age.mul(factor);
      }
    }
    const dr = await new Builder().withModules(Decorated).buildAsync();
    const result = await dr.execute(['budget', 'mean', 'ageX3'], { inputs: { rows: 3 } });
    expect((result.budget as Series).values).to.deep.equal([0, 1, 2]);
    expect(result.mean).to.equal(31);
    expect((result.ageX3 as Series).values).to.deep.equal([90, 93, 96]);
  });

  it('awaits async lifecycle hooks in order', async () => {
    const events: string[] = [];
    const adapter: LifecycleAdapter = {
      async beforeGraphExecute() {
        await Promise.resolve();
        events.push('graph:start');
      },
      async beforeNodeExecute(e) {
        events.push(`start:${e.node}`);
      },
      async afterNodeExecute(e) {
        await Promise.resolve();
        events.push(`end:${e.node}:${e.success}`);
      },
      afterGraphExecute(e) {
        events.push(`graph:end:${e.success}`);
      },
    };
    class Chain {
      a(x: number): number {
        return x + 1;
      }
      async b(a: number): Promise<number> {
        return a * 2;
      }
    }
    const dr = await new Builder().withModules(Chain).withAdapters(adapter).buildAsync();
    expect(await dr.execute(['b'], { inputs: { x: 1 } })).to.deep.equal({ b: 4 });
    expect(events).to.deep.equal(['graph:start', 'start:a', 'end:a:true', 'start:b', 'end:b:true', 'graph:end:true']);
  });

  it('releases intermediate values once every reader ran, whatever the order', async () => {
    const seen: Array<unknown> = [];
    class Fan {
      base(x: number): number[] {
        return [x];
      }
      async left(base: number[]): Promise<number> {
        await new Promise((r) => setTimeout(r, 5));
        return base[0] + 1;
      }
      right(base: number[]): number {
        return base[0] + 2;
      }
      total(left: number, right: number): number {
        return left + right;
      }
    }
    const adapter: LifecycleAdapter = { beforeNodeExecute: (e) => void seen.push(e.args) };
    const dr = await new Builder().withModules(Fan).withAdapters(adapter).buildAsync();
    expect(await dr.execute(['total'], { inputs: { x: 1 } })).to.deep.equal({ total: 5 });
    // Both readers of `base` received it, even though they finished in a different order than planned.
    expect(seen.filter((a) => 'base' in (a as object)).map((a) => (a as { base: number[] }).base)).to.deep.equal([[1], [1]]);
  });
});

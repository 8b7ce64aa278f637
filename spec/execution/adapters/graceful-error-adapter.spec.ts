import { expect } from 'chai';
import {
  acceptErrorSentinels,
  Builder,
  collect,
  ErrorSentinel,
  GracefulErrorAdapter,
  HamiltonError,
  NodeExecutionError,
  parallelizable,
  type LifecycleAdapter,
} from 'hamilton-ts';

class DoNotProceed extends Error {}

class Chain {
  willProceed(): number {
    return 1;
  }
  fails(willProceed: number): number {
    if (willProceed > 0) throw new DoNotProceed('stop');
    return 0;
  }
  neverReached(fails: number): number {
    return fails + 1;
  }
  nullable(): null {
    return null;
  }
  afterNull(nullable: null): string {
    return `got ${String(nullable)}`;
  }
  @acceptErrorSentinels()
  report(fails: number, willProceed: number): string {
    return `${String(fails)}/${willProceed}`;
  }
  typeError(): number {
    throw new TypeError('not caught');
  }
}

class Items {
  @parallelizable()
  *steps(): Iterable<number> {
    for (let i = 0; i < 5; i++) {
      if (i === 3) throw new DoNotProceed('no more');
      yield i;
    }
  }
  inner(steps: number): number {
    return steps * 10;
  }
  @collect('inner')
  gather(inner: number[]): number[] {
    return inner;
  }
}

const sync = (adapter: GracefulErrorAdapter, ...modules: Function[]) =>
  new Builder()
    .withModules(...(modules as [typeof Chain]))
    .withAdapters(adapter)
    .build();
const async = (adapter: GracefulErrorAdapter, ...modules: Function[]) =>
  new Builder()
    .withModules(...(modules as [typeof Chain]))
    .withAdapters(adapter)
    .buildAsync();

// From Hamilton's tests/lifecycle (GracefulErrorAdapter) and tests/test_parallel_graceful.py.
describe('GracefulErrorAdapter', () => {
  it('a failing node yields the sentinel and its downstream is skipped, not the run (both drivers)', async () => {
    const graceful = new GracefulErrorAdapter({ errorToCatch: DoNotProceed });
    const expected = { willProceed: 1, neverReached: graceful.sentinel };
    expect(sync(graceful, Chain).execute(['willProceed', 'neverReached'])).to.deep.equal(expected);
    expect(await (await async(graceful, Chain)).execute(['willProceed', 'neverReached'])).to.deep.equal(expected);
  });

  it('the default sentinel is unique, so a real null flows on as a value', () => {
    const graceful = new GracefulErrorAdapter();
    expect(graceful.sentinel).to.be.instanceOf(ErrorSentinel);
    expect(graceful.sentinel).not.to.equal(new GracefulErrorAdapter().sentinel);
    expect(sync(graceful, Chain).execute(['afterNull'])).to.deep.equal({ afterNull: 'got null' });
  });

  it("Hamilton's sentinelValue: null still works, with Hamilton's ambiguity", () => {
    const graceful = new GracefulErrorAdapter({ sentinelValue: null });
    expect(sync(graceful, Chain).execute(['neverReached', 'afterNull'])).to.deep.equal({ neverReached: null, afterNull: null });
  });

  it('errors of other classes fail the run as usual', () => {
    const graceful = new GracefulErrorAdapter({ errorToCatch: DoNotProceed });
    expect(() => sync(graceful, Chain).execute(['typeError'])).to.throw(NodeExecutionError, /not caught/);
  });

  it('@acceptErrorSentinels nodes receive the sentinel; allowInjection: false skips them too', () => {
    const graceful = new GracefulErrorAdapter({ sentinelValue: 'FAILED' });
    expect(sync(graceful, Chain).execute(['report'])).to.deep.equal({ report: 'FAILED/1' });
    const strict = new GracefulErrorAdapter({ sentinelValue: 'FAILED', allowInjection: false });
    expect(sync(strict, Chain).execute(['report'])).to.deep.equal({ report: 'FAILED' });
  });

  it('a failing fan-out keeps the items yielded before the failure, then the sentinel (tryAllParallel)', async () => {
    const graceful = new GracefulErrorAdapter({ errorToCatch: DoNotProceed, sentinelValue: -1 });
    expect(sync(graceful, Items).execute(['gather'])).to.deep.equal({ gather: [0, 10, 20, -1] });
    expect(await (await async(graceful, Items)).execute(['gather'])).to.deep.equal({ gather: [0, 10, 20, -1] });
    const only = new GracefulErrorAdapter({ errorToCatch: DoNotProceed, sentinelValue: -1, tryAllParallel: false });
    expect(sync(only, Items).execute(['gather'])).to.deep.equal({ gather: [-1] });
  });

  it('two adapters taking over node calls are refused when the driver is built', () => {
    const other: LifecycleAdapter = { wrapNodeCall: (call) => call.call() };
    expect(() => new Builder().withModules(Chain).withAdapters(new GracefulErrorAdapter(), other).build()).to.throw(
      HamiltonError,
      /both implement wrapNodeCall/,
    );
  });

  it('bad options are a HamiltonError saying what to pass', () => {
    const make = (options: unknown) => () => new GracefulErrorAdapter(options as never);
    expect(make({ errorToCatch: 'DoNotProceed' })).to.throw(HamiltonError, /errorToCatch must be an error class/);
    expect(make({ tryAllParallel: 'yes' })).to.throw(HamiltonError, /tryAllParallel must be true or false/);
    expect(make({ sentinel: 1 })).to.throw(HamiltonError, /unknown option 'sentinel'/);
  });
});

describe('wrapNodeCall (the scheduler hook point)', () => {
  class Two {
    a(): number {
      return 2;
    }
    b(a: number): number {
      return a * 3;
    }
  }

  it('replaces each node call; call() runs the node, with other arguments when given (both drivers)', async () => {
    const seen: string[] = [];
    const doubler: LifecycleAdapter = {
      wrapNodeCall: (call) => {
        seen.push(`${call.node}(${call.argList.join()})`);
        return call.node === 'b' ? call.call([10]) : call.call();
      },
    };
    expect(new Builder().withModules(Two).withAdapters(doubler).build().execute(['b'])).to.deep.equal({ b: 30 });
    const adr = await new Builder().withModules(Two).withAdapters(doubler).buildAsync();
    expect(await adr.execute(['b'])).to.deep.equal({ b: 30 });
    expect(seen).to.deep.equal(['a()', 'b(2)', 'a()', 'b(2)']);
  });

  it('what the wrapper throws fails the node, named; a Promise is refused by the sync Driver and awaited by the AsyncDriver', async () => {
    const thrower: LifecycleAdapter = {
      wrapNodeCall: () => {
        throw new Error('wrapper broke');
      },
    };
    expect(() => new Builder().withModules(Two).withAdapters(thrower).build().execute(['a'])).to.throw(NodeExecutionError, /Node 'a'.*wrapper broke/);
    const later: LifecycleAdapter = { wrapNodeCall: (call) => Promise.resolve(call.call()) };
    expect(() => new Builder().withModules(Two).withAdapters(later).build().execute(['a'])).to.throw(
      HamiltonError,
      /wrapNodeCall returned a Promise for node 'a'/,
    );
    const adr = await new Builder().withModules(Two).withAdapters(later).buildAsync();
    expect(await adr.execute(['b'])).to.deep.equal({ b: 6 });
  });
});

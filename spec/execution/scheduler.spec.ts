import { expect } from 'chai';
import {
  Builder,
  collect,
  HamiltonError,
  NodeExecutionError,
  node,
  TypeMismatchError,
  parallelizable,
  resource,
  retry,
  runLocally,
  runTask,
  TaskNodeError,
  type Executor,
  type ExecutorSetup,
  type LifecycleAdapter,
  type NodeResultEvent,
  type Task,
  type TaskValues,
} from 'hamilton-ts';
import type { FunctionGraph } from '../../lib/graph/function-graph.js';
import { thrown } from '../helpers.js';

/** What a rejected promise rejected with; fails the test when it fulfils. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail('expected a rejection');
}

/** Unhandled rejections seen while `fn` runs (and a few turns of the event loop after). */
async function unhandledDuring(fn: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await fn();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

/** An executor written outside lib/, on the public seam only: runs each task in this thread, a turn later. */
class DeferringExecutor implements Executor {
  readonly tasks: Task[] = [];
  readonly aborted: string[] = [];
  private graph!: FunctionGraph;

  prepare(setup: ExecutorSetup): void {
    this.graph = setup.graph;
  }

  async run(task: Task, signal: AbortSignal): Promise<TaskValues> {
    this.tasks.push(task);
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) {
      this.aborted.push(task.id);
      throw signal.reason;
    }
    return runTask(this.graph, task);
  }
}

/** The issue's shape: a per-item node reads a node outside the fan-out that is not upstream of it. */
class Orders {
  @parallelizable()
  orderIds(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i + 1);
  }

  gross(orderIds: number, taxRate: number): number {
    return orderIds * 100 * (1 + taxRate);
  }

  taxRate(region: string): number {
    return region === 'eu' ? 0.2 : 0.1;
  }

  @collect('gross')
  total(gross: number[]): number {
    return gross.reduce((a, b) => a + b, 0);
  }
}

class PlusK {
  @parallelizable()
  items(): number[] {
    return [1, 2, 3];
  }

  k(): number {
    return 10;
  }

  plusK(items: number, k: number): number {
    return items + k;
  }

  @collect('plusK')
  all(plusK: number[]): number[] {
    return plusK;
  }
}

describe('the scheduler', () => {
  describe('fan-out items that read a node outside the fan-out', () => {
    it('get its value under the sync Driver, whatever the planned order', () => {
      const dr = new Builder().withModules(Orders).build();
      expect(dr.execute(['total'], { inputs: { count: 3, region: 'eu' } })).to.deep.equal({ total: 720 });
      expect(new Builder().withModules(PlusK).build().execute(['all'])).to.deep.equal({ all: [11, 12, 13] });
    });

    it('get its value under the AsyncDriver and under a task executor', async () => {
      const asyncDr = await new Builder().withModules(Orders).buildAsync();
      expect(await asyncDr.execute(['total'], { inputs: { count: 3, region: 'us' } })).to.deep.equal({ total: 660 });
      const executor = new DeferringExecutor();
      const remote = await new Builder().withModules(PlusK).withExecutor(executor).buildAsync();
      expect(await remote.execute(['all'])).to.deep.equal({ all: [11, 12, 13] });
      // One task per item holds the item's branch, with the outside value sent along.
      const itemTasks = executor.tasks.filter((t) => t.id.startsWith('items['));
      expect(itemTasks.map((t) => t.inputs)).to.deep.equal([1, 2, 3].map((items) => ({ items, k: 10 })));
      expect(itemTasks.every((t) => t.nodes.join() === 'plusK' && t.outputs.join() === 'plusK')).to.equal(true);
    });

    it('a per-item node reading a value computed from its own collect is a clear error, not a hang', () => {
      class Loop {
        @parallelizable()
        xs(): number[] {
          return [1, 2];
        }
        y(xs: number): number {
          return xs;
        }
        @collect('y')
        ys(y: number[]): number {
          return y.length;
        }
        z(ys: number): number {
          return ys;
        }
        w(xs: number, z: number): number {
          return xs + z;
        }
        @collect('w')
        ws(w: number[]): number[] {
          return w;
        }
      }
      expect(() => new Builder().withModules(Loop).build().execute(['ws'])).to.throw(HamiltonError, /fan-out of 'xs'.*own\s+@collect/s);
    });
  });

  describe('fan-out shapes are graph errors, thrown when the driver is built', () => {
    it('nested, mixed and uncollected shapes fail at build even if no request reaches them', () => {
      class Nested {
        @parallelizable()
        outer(): number[] {
          return [1];
        }
        @parallelizable()
        inner(outer: number): number[] {
          return [outer];
        }
        @collect('inner')
        done(inner: number[]): number {
          return inner.length;
        }
        unrelated(): number {
          return 1;
        }
      }
      class Mixed {
        @parallelizable()
        a(): number[] {
          return [1];
        }
        @parallelizable()
        b(): number[] {
          return [2];
        }
        both(a: number, b: number): number {
          return a + b;
        }
      }
      class Uncollected {
        @parallelizable()
        a(): number[] {
          return [1];
        }
        each(a: number): number {
          return a;
        }
        @collect('each')
        wrong(each: number[], a: number): number {
          return each.length + a;
        }
      }
      expect(() => new Builder().withModules(Nested).build()).to.throw(HamiltonError, /'inner'.*inside another fan-out/);
      expect(() => new Builder().withModules(Mixed).build()).to.throw(HamiltonError, /'both' reads from two different fan-outs/);
      expect(() => new Builder().withModules(Uncollected).build()).to.throw(HamiltonError, /'wrong' reads 'a'/);
    });
  });

  describe('failures', () => {
    it('a failing item stops the items not yet started, and the run settles after those running', async () => {
      const started: number[] = [];
      let running = 0;
      let runningAtSettle = -1;
      class Items {
        @parallelizable({ concurrency: 2 })
        ids(): number[] {
          return Array.from({ length: 20 }, (_, i) => i);
        }
        async work(ids: number): Promise<number> {
          started.push(ids);
          running++;
          await new Promise((resolve) => setTimeout(resolve, ids === 1 ? 1 : 15));
          running--;
          if (ids === 1) throw new Error('item 1 broke');
          return ids;
        }
        @collect('work')
        all(work: number[]): number[] {
          return work;
        }
      }
      const dr = await new Builder().withModules(Items).buildAsync();
      const error = await rejection(dr.execute(['all']).finally(() => (runningAtSettle = running)));
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'work');
      expect((error as Error).message).to.match(/item 1 broke/);
      expect(runningAtSettle).to.equal(0);
      expect(started.length).to.be.at.most(3);
    });

    it('the executor is told through its signal that a failed run no longer needs its tasks', async () => {
      class Two {
        fails(): number {
          throw new Error('first');
        }
        slow(): number {
          return 1;
        }
        both(fails: number, slow: number): number {
          return fails + slow;
        }
      }
      const executor = new DeferringExecutor();
      const dr = await new Builder().withModules(Two).withExecutor(executor).buildAsync();
      const error = await rejection(dr.execute(['both']));
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'fails');
      expect(executor.aborted).to.include('slow');
    });

    for (const [what, make] of [
      ['an object without a prototype', () => Object.create(null) as unknown],
      ['a string', () => 'plain string'],
      ['undefined', () => undefined],
      ['a number', () => 42],
    ] as const) {
      it(`a node that throws ${what} fails the run with a NodeExecutionError under both drivers`, async () => {
        class Throws {
          x(): number {
            throw make();
          }
          y(x: number): number {
            return x;
          }
        }
        const syncError = thrown(() => new Builder().withModules(Throws).build().execute(['y']));
        expect(syncError).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'x');
        const dr = await new Builder().withModules(Throws).buildAsync();
        expect(await rejection(dr.execute(['y'])))
          .to.be.instanceOf(NodeExecutionError)
          .with.property('nodeName', 'x');
      });
    }

    it('a thenable that throws, or settles twice, settles its step once; nothing downstream runs early', async () => {
      const seen: unknown[] = [];
      class Thenables {
        throwing(): PromiseLike<number> {
          return {
            then() {
              throw new Error('then threw');
            },
          };
        }
        twice(): PromiseLike<number> {
          return {
            then(resolve: (v: number) => void, reject: (e: unknown) => void) {
              resolve(1);
              resolve(2);
              reject(new Error('late'));
            },
          } as PromiseLike<number>;
        }
        afterTwice(twice: number): number {
          seen.push(twice);
          return twice;
        }
        afterThrowing(throwing: number): number {
          seen.push(throwing);
          return throwing;
        }
      }
      const dr = await new Builder().withModules(Thenables).buildAsync();
      const unhandled = await unhandledDuring(async () => {
        expect(await dr.execute(['afterTwice'])).to.deep.equal({ afterTwice: 1 });
        const error = await rejection(dr.execute(['afterThrowing']));
        expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'throwing');
      });
      expect(seen).to.deep.equal([1]);
      expect(unhandled).to.deep.equal([]);
    });

    it('a value whose then getter throws is the node failing, under both drivers and in a task', async () => {
      class Trap {
        trap(): unknown {
          return Object.defineProperty({}, 'then', {
            get() {
              throw new Error('then getter');
            },
          });
        }
        after(trap: unknown): string {
          return typeof trap;
        }
      }
      expect(thrown(() => new Builder().withModules(Trap).build().execute(['after'])))
        .to.be.instanceOf(NodeExecutionError)
        .with.property('nodeName', 'trap');
      for (const builder of [new Builder().withModules(Trap), new Builder().withModules(Trap).withExecutor(new DeferringExecutor())]) {
        const dr = await builder.buildAsync();
        const error = await rejection(dr.execute(['after']));
        expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'trap');
        expect((error as Error).message).to.match(/then getter/);
      }
    });

    it('a node that never settles does not hold the caller: its abort rejects at once, and the next run is right', async () => {
      class Stuck {
        stuck(wait: boolean): Promise<number> {
          return wait ? new Promise<number>(() => undefined) : Promise.resolve(1);
        }
        after(stuck: number): number {
          return stuck + 1;
        }
      }
      const dr = await new Builder().withModules(Stuck).buildAsync();
      const controller = new AbortController();
      const running = dr.execute(['after'], { inputs: { wait: true }, signal: controller.signal });
      const reason = new Error('deadline');
      setTimeout(() => controller.abort(reason), 5);
      expect(await rejection(running)).to.equal(reason);
      expect(await dr.execute(['after'], { inputs: { wait: false } })).to.deep.equal({ after: 2 });
    });

    it('a node that runs another driver is blamed itself, with the inner failure as its cause', () => {
      class Inner {
        deep(): number {
          throw new Error('inner broke');
        }
      }
      class Outer {
        wrapper(): number {
          return new Builder().withModules(Inner).build().execute(['deep']).deep;
        }
      }
      const error = thrown(() => new Builder().withModules(Outer).build().execute(['wrapper']));
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'wrapper');
      expect((error as Error).cause)
        .to.be.instanceOf(NodeExecutionError)
        .with.property('nodeName', 'deep');
    });
  });

  describe('lifecycle hooks: one dispatch for both drivers', () => {
    class Chain {
      a(x: number): number {
        return x + 1;
      }
      b(a: number): number {
        return a * 2;
      }
    }

    it('a throwing hook is the same HamiltonError naming the adapter, hook and node under both drivers', async () => {
      class Exploding implements LifecycleAdapter {
        beforeNodeExecute(): void {
          throw new Error('hook broke');
        }
      }
      const syncError = thrown(() =>
        new Builder()
          .withModules(Chain)
          .withAdapters(new Exploding())
          .build()
          .execute(['b'], { inputs: { x: 1 } }),
      );
      const dr = await new Builder().withModules(Chain).withAdapters(new Exploding()).buildAsync();
      const asyncError = await rejection(dr.execute(['b'], { inputs: { x: 1 } }));
      for (const error of [syncError, asyncError]) {
        expect(error).to.be.instanceOf(HamiltonError).and.not.instanceOf(NodeExecutionError);
        expect((error as Error).message).to.match(/Exploding\.beforeNodeExecute \(node 'a'\) failed: Error: hook broke/);
      }
      expect((syncError as Error).message).to.equal((asyncError as Error).message);
    });

    it('an async hook under the sync Driver fails the run clearly and leaves no unhandled rejection', async () => {
      class Later implements LifecycleAdapter {
        async afterNodeExecute(): Promise<void> {
          throw new Error('async hook rejected');
        }
      }
      const unhandled = await unhandledDuring(async () => {
        const error = thrown(() =>
          new Builder()
            .withModules(Chain)
            .withAdapters(new Later())
            .build()
            .execute(['b'], { inputs: { x: 1 } }),
        );
        expect(error).to.be.instanceOf(HamiltonError);
        expect((error as Error).message).to.match(/Later\.afterNodeExecute returned a Promise.*AsyncDriver/s);
      });
      expect(unhandled).to.deep.equal([]);
    });

    it('per-item nodes of a fan-out reach the hooks, with their item, under both drivers', async () => {
      const events = (): [LifecycleAdapter, string[], () => readonly string[]] => {
        const seen: string[] = [];
        let planned: readonly string[] = [];
        const adapter: LifecycleAdapter = {
          beforeGraphExecute: (event) => void (planned = event.perItemNodes),
          afterNodeExecute: (event: NodeResultEvent) => void seen.push(event.item === undefined ? event.node : `${event.node}[${event.item}]`),
        };
        return [adapter, seen, () => planned];
      };
      const [syncAdapter, syncSeen, syncPerItem] = events();
      new Builder().withModules(PlusK).withAdapters(syncAdapter).build().execute(['all']);
      const [asyncAdapter, asyncSeen] = events();
      await (await new Builder().withModules(PlusK).withAdapters(asyncAdapter).buildAsync()).execute(['all']);
      expect(syncPerItem()).to.deep.equal(['plusK']);
      for (const seen of [syncSeen, asyncSeen]) {
        expect([...seen].sort()).to.deep.equal(['all', 'items', 'k', 'plusK[0]', 'plusK[1]', 'plusK[2]']);
      }
    });
  });

  describe('@retry and @runLocally', () => {
    it('@retry tries a flaky node again, sync and async, and gives up after its attempts', async () => {
      let calls = 0;
      let asyncCalls = 0;
      class Flaky {
        @retry({ attempts: 3 })
        shaky(failures: number): number {
          calls++;
          if (calls <= failures) throw new Error(`failure ${calls}`);
          return calls;
        }
        @retry({ attempts: 2, backoffMs: 1 })
        async remote(failures: number): Promise<number> {
          asyncCalls++;
          if (asyncCalls <= failures) throw new Error(`async failure ${asyncCalls}`);
          return asyncCalls;
        }
      }
      const dr = new Builder().withModules(Flaky).build();
      expect(dr.execute(['shaky'], { inputs: { failures: 2 } })).to.deep.equal({ shaky: 3 });
      calls = 0;
      expect(thrown(() => dr.execute(['shaky'], { inputs: { failures: 5 } })))
        .to.be.instanceOf(NodeExecutionError)
        .with.property('message')
        .match(/failure 3/);
      expect(calls).to.equal(3);
      const asyncDr = await new Builder().withModules(Flaky).buildAsync();
      expect(await asyncDr.execute(['remote'], { inputs: { failures: 1 } })).to.deep.equal({ remote: 2 });
      asyncCalls = 0;
      expect(await rejection(asyncDr.execute(['remote'], { inputs: { failures: 2 } }))).to.be.instanceOf(NodeExecutionError);
      expect(asyncCalls).to.equal(2);
    });

    it('@parallelizable refuses a concurrency that cannot work, from plain JavaScript too', () => {
      for (const bad of [null, 5, { concurrency: 0 }, { concurrency: 1.5 }, { concurrency: '2' }, { concurrency: Infinity }]) {
        expect(() => parallelizable(bad as never), JSON.stringify(bad)).to.throw(HamiltonError, /@parallelizable/);
      }
    });

    it('@retry refuses a policy that cannot work, when the class is defined', () => {
      for (const bad of [{ attempts: 0 }, { attempts: 1.5 }, { attempts: 2, backoffMs: -1 }, null, { attempts: '3' }]) {
        expect(() => retry(bad as never), JSON.stringify(bad)).to.throw(HamiltonError, /@retry/);
      }
    });

    it('@runLocally keeps a node in the driver while the others go to the executor', async () => {
      class Mixed {
        @runLocally()
        cheap(x: number): number {
          return x + 1;
        }
        heavy(cheap: number): number {
          return cheap * 10;
        }
      }
      const executor = new DeferringExecutor();
      const dr = await new Builder().withModules(Mixed).withExecutor(executor).buildAsync();
      expect(await dr.execute(['heavy'], { inputs: { x: 1 } })).to.deep.equal({ heavy: 20 });
      expect(executor.tasks.map((t) => t.id)).to.deep.equal(['heavy']);
    });
  });

  describe('@resource', () => {
    let made = 0;
    class Client {
      constructor(readonly url: string) {
        made++;
      }
      fetch(id: number): string {
        return `${this.url}/${id}`;
      }
    }
    class UsesClient {
      @resource()
      client(url: string): Client {
        return new Client(url);
      }
      @parallelizable()
      ids(count: number): number[] {
        return Array.from({ length: count }, (_, i) => i);
      }
      page(ids: number, client: Client): string {
        return client.fetch(ids);
      }
      @collect('page')
      pages(page: string[]): string[] {
        return page;
      }
    }

    beforeEach(() => (made = 0));

    it('is made once per place and upstream values, across runs, under both drivers', async () => {
      const dr = new Builder().withModules(UsesClient).build();
      expect(dr.execute(['pages'], { inputs: { count: 2, url: 'a' } })).to.deep.equal({ pages: ['a/0', 'a/1'] });
      dr.execute(['pages'], { inputs: { count: 3, url: 'a' } });
      expect(made).to.equal(1);
      dr.execute(['pages'], { inputs: { count: 1, url: 'b' } });
      expect(made).to.equal(2);
      const asyncDr = await new Builder().withModules(UsesClient).buildAsync();
      await asyncDr.execute(['pages'], { inputs: { count: 2, url: 'a' } });
      await asyncDr.execute(['pages'], { inputs: { count: 2, url: 'a' } });
      expect(made).to.equal(3);
    });

    it('is never sent to an executor: tasks carry its upstream values and the far side makes it once', async () => {
      const executor = new DeferringExecutor();
      const dr = await new Builder().withModules(UsesClient).withExecutor(executor).buildAsync();
      expect(await dr.execute(['pages'], { inputs: { count: 3, url: 'x' } })).to.deep.equal({ pages: ['x/0', 'x/1', 'x/2'] });
      const itemTasks = executor.tasks.filter((t) => t.id.startsWith('ids['));
      expect(itemTasks).to.have.length(3);
      for (const task of itemTasks) {
        expect(task.resources).to.deep.equal({ client: { url: 'x' } });
        expect(Object.values(task.inputs).some((v) => v instanceof Client)).to.equal(false);
      }
      expect(executor.tasks.map((t) => t.id)).to.not.include('client');
      expect(made).to.equal(1);
    });

    it('a resource that fails where a task runs is blamed itself, not the node reading it', async () => {
      class Broken {
        @resource()
        client(url: string): Client {
          throw new Error(`cannot reach ${url}`);
        }
        page(client: Client): string {
          return client.fetch(1);
        }
      }
      const dr = await new Builder().withModules(Broken).withExecutor(new DeferringExecutor()).buildAsync();
      const error = await rejection(dr.execute(['page'], { inputs: { url: 'db://down' } }));
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'client');
      expect((error as Error).message).to.match(/cannot reach db:\/\/down/);
    });

    it('an upstream value that cannot tell one resource from another is a HamiltonError naming the resource', () => {
      class Keyed {
        @resource()
        client(factory: () => string): Client {
          return new Client(factory());
        }
        page(client: Client): string {
          return client.fetch(1);
        }
      }
      const error = thrown(() =>
        new Builder()
          .withModules(Keyed)
          .build()
          .execute(['page'], { inputs: { factory: () => 'x' } }),
      );
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'client');
      expect((error as Error).message).to.match(/Resource 'client'.*plain data/s);
    });

    it('requested as an output, it is made here and returned', async () => {
      const dr = await new Builder().withModules(UsesClient).withExecutor(new DeferringExecutor()).buildAsync();
      const { client } = await dr.execute(['client'], { inputs: { url: 'out' } });
      expect(client).to.be.instanceOf(Client).with.property('url', 'out');
    });
  });

  describe('values given to a run', () => {
    it('overrides are type-checked like inputs, against the type of the node they replace', async () => {
      class Typed {
        @node()
        price(base: number): number {
          return base * 2;
        }
        @node()
        label(price: number): string {
          return `${price} EUR`;
        }
      }
      const error = thrown(() =>
        new Builder()
          .withModules(Typed)
          .build()
          .execute(['label'], { overrides: { price: 'cheap' } }),
      );
      expect(error).to.be.instanceOf(TypeMismatchError);
      expect((error as TypeMismatchError).message).to.match(/override 'price' should be number \(what Typed\.price returns\) but got string/);
      const dr = await new Builder().withModules(Typed).buildAsync();
      expect(await rejection(dr.execute(['label'], { overrides: { price: [3] } }))).to.be.instanceOf(TypeMismatchError);
      expect(await dr.execute(['label'], { overrides: { price: 3 } })).to.deep.equal({ label: '3 EUR' });
    });
  });

  describe('the executor seam', () => {
    it('a task failure names the node that failed, not the task', async () => {
      class Chain2 {
        a(x: number): number {
          return x;
        }
        b(a: number): number {
          if (a > 0) throw new RangeError('too big');
          return a;
        }
      }
      const executor = new DeferringExecutor();
      const dr = await new Builder().withModules(Chain2).withExecutor(executor).buildAsync();
      const error = await rejection(dr.execute(['b'], { inputs: { x: 1 } }));
      expect(error).to.be.instanceOf(NodeExecutionError).with.property('nodeName', 'b');
      expect((error as Error).cause).to.be.instanceOf(RangeError);
    });

    it('a chain of nodes goes as one task, a fan-out item as one task, and hooks still see every node', async () => {
      class Pipeline {
        raw(x: number): number {
          return x + 1;
        }
        clean(raw: number): number {
          return raw * 2;
        }
        scored(clean: number): number {
          return clean - 3;
        }
        @parallelizable()
        parts(scored: number): number[] {
          return [scored, scored + 1];
        }
        half(parts: number): number {
          return parts / 2;
        }
        rounded(half: number): number {
          return Math.round(half);
        }
        @collect('rounded')
        total(rounded: number[]): number {
          return rounded.reduce((a, b) => a + b, 0);
        }
      }
      const seen: string[] = [];
      const adapter: LifecycleAdapter = {
        afterNodeExecute: (event) => void seen.push(`${event.node}${event.item === undefined ? '' : `[${event.item}]`}=${String(event.result)}`),
      };
      const executor = new DeferringExecutor();
      const dr = await new Builder().withModules(Pipeline).withExecutor(executor).withAdapters(adapter).buildAsync();
      // raw 5, clean 10, scored 7; parts 7, 8; halves 3.5, 4; rounded 4, 4
      expect(await dr.execute(['total', 'clean'], { inputs: { x: 4 } })).to.deep.equal({ total: 8, clean: 10 });
      const ids = executor.tasks.map((t) => t.id);
      expect(ids).to.deep.equal(['raw>clean>scored', 'parts[0]', 'parts[1]', 'total']);
      expect(executor.tasks[0].inputs).to.deep.equal({ x: 4 });
      expect([...seen].sort()).to.deep.equal(
        ['clean=10', 'half[0]=3.5', 'half[1]=4', 'parts=7,8', 'raw=5', 'rounded[0]=4', 'rounded[1]=4', 'scored=7', 'total=8'].sort(),
      );
    });

    it('an executor that answers without a requested value is a clear error', async () => {
      class One {
        a(): number {
          return 1;
        }
      }
      const forgetful: Executor = { run: async () => ({}) };
      const dr = await new Builder().withModules(One).withExecutor(forgetful).buildAsync();
      expect(await rejection(dr.execute(['a'])))
        .to.be.instanceOf(HamiltonError)
        .with.property('message')
        .match(/task 'a' without a value for 'a'/);
    });

    it('the sync Driver refuses an executor that is not inline; withExecutor refuses what is no executor', () => {
      expect(() => new Builder().withModules(PlusK).withExecutor(new DeferringExecutor()).build()).to.throw(HamiltonError, /buildAsync/);
      for (const bad of [{}, null, 5, { run: 1 }, { run: () => 1, close: 'no' }]) {
        expect(() => new Builder().withExecutor(bad as never), String(bad)).to.throw(HamiltonError, /not an executor/);
      }
    });

    it('runTask, as a custom executor uses it, runs a task synchronously while its nodes are', () => {
      const dr = new Builder().withModules(PlusK).build();
      const task: Task = { id: 't', runId: 'r', nodes: ['plusK'], inputs: { items: 1, k: 2 }, outputs: ['plusK'] };
      expect(runTask(dr.graph, task)).to.deep.equal({ plusK: 3 });
      const failing: Task = { ...task, inputs: { items: 1 }, nodes: ['nope'] };
      expect(() => runTask(dr.graph, failing)).to.throw(HamiltonError, /names node 'nope'/);
      expect(TaskNodeError.name).to.equal('TaskNodeError');
    });
  });
});

import { expect } from 'chai';
import { threadId } from 'node:worker_threads';
import { HamiltonError } from 'hamilton-ts';
import { TaskNodeError, type Task } from '../../../lib/execution/task.js';
import { threadFeatureSet } from '../../../lib/execution/worker-pool/feature-set-ref.js';
import { WorkerPoolExecutor } from '../../../lib/execution/worker-pool/worker-pool-executor.js';
import { Faults } from '../../fixtures/workers/faults.js';
import { UsesClient } from '../../fixtures/workers/resources.js';
import { FailsInWorkers } from '../../fixtures/workers/fails-in-workers.js';
import { hiddenFeatureSet } from '../../fixtures/workers/features.js';
import { Renamed } from '../../fixtures/workers/renamed.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a module whose exports are the class itself (export =) imports this way
import WholeModule = require('../../fixtures/workers/whole-module.js');
import { preparedPool, rejection, task, unhandledDuring } from './pool-helpers.js';

/** The TaskNodeError a run rejected with, checked to name `node`. */
async function nodeFailure(promise: Promise<unknown>, node: string): Promise<unknown> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(TaskNodeError);
  expect((error as TaskNodeError).node).to.equal(node);
  return (error as TaskNodeError).cause;
}

describe('WorkerPoolExecutor.run', function () {
  this.timeout(60000);
  const pools: WorkerPoolExecutor[] = [];
  const pool = (threads: number, options: { resourceLimits?: { maxOldGenerationSizeMb: number } } = {}) => {
    const made = preparedPool([Faults], { threads, ...options });
    pools.push(made);
    return made;
  };
  afterEach(() => Promise.all(pools.splice(0).map((p) => p.close())));

  describe('tasks', () => {
    it('runs a task on a worker thread and returns its outputs, each node reading the one before', async () => {
      const p = pool(2);
      const values = await p.run(task(['double', 'plusOne'], { x: 20 }, ['double', 'plusOne']), new AbortController().signal);
      expect(values).to.deep.equal({ double: 40, plusOne: 41 });
      const { thread } = await p.run(task(['thread'], { x: 1 }), new AbortController().signal);
      expect(thread).to.be.a('number').and.not.equal(threadId);
    });

    it('keeps what structured clone keeps: NaN, Infinity, undefined, Dates, Maps, typed arrays, bigints, plain copies of data classes', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const { returnRich } = await p.run(task(['returnRich'], { x: 5 }), signal);
      expect(returnRich).to.deep.equal({
        when: new Date(5),
        table: new Map([['k', [5, NaN, Infinity]]]),
        bytes: new Float64Array([5]),
        nothing: undefined,
        big: 5n,
      });
      expect(Object.keys(returnRich as object)).to.include('nothing');
      expect((await p.run(task(['returnPoint'], { x: 2 }), signal)).returnPoint).to.deep.equal({ x: 2, y: 3 });
    });

    it('spreads concurrent tasks over its threads and never starts more than `threads`', async () => {
      const p = pool(2);
      const signal = new AbortController().signal;
      const runs = Array.from({ length: 6 }, () => p.run(task(['spin'], { ms: 30 }), signal));
      expect(p.size).to.equal(2);
      await Promise.all(runs);
      const threads = await Promise.all([
        p.run(task(['spin', 'thread'], { ms: 30, x: 1 }), signal),
        p.run(task(['spin', 'thread'], { ms: 30, x: 1 }), signal),
      ]);
      expect(new Set(threads.map((t) => t.thread)).size).to.equal(2);
      expect(p.size).to.equal(2);
    });
  });

  describe('a thread that dies in a task', () => {
    const deaths: Array<[string, string, Record<string, unknown>, RegExp]> = [
      ['process.exit(0)', 'exitWith', { code: 0 }, /died: it exited with code 0/],
      ['process.exit(7)', 'exitWith', { code: 7 }, /died: it exited with code 7/],
      ['an exception outside its promise', 'throwOutside', { message: 'thrown from a timer' }, /died: Error: thrown from a timer/],
    ];
    for (const [how, node, inputs, reason] of deaths) {
      it(`fails that task naming the node, frees and replaces the thread, and serves the next run (${how})`, async () => {
        const p = pool(1);
        const signal = new AbortController().signal;
        const before = (await p.run(task(['thread'], { x: 1 }), signal)).thread;
        const cause = await nodeFailure(p.run(task([node], inputs), signal), node);
        expect(cause).to.be.instanceOf(HamiltonError);
        expect((cause as Error).message)
          .to.match(reason)
          .and.match(new RegExp(`thread running '${node}'`));
        const after = await Promise.all([p.run(task(['thread'], { x: 1 }), signal), p.run(task(['double'], { x: 4 }), signal)]);
        expect(after[0].thread).to.be.a('number').and.not.equal(before);
        expect(after[1]).to.deep.equal({ double: 8 });
        expect(p.size).to.equal(1);
      });
    }

    it('fails that task when the thread runs out of memory under resourceLimits', async () => {
      const p = pool(1, { resourceLimits: { maxOldGenerationSizeMb: 24 } });
      const signal = new AbortController().signal;
      const cause = await nodeFailure(p.run(task(['exhaustMemory'], { x: 1 }), signal), 'exhaustMemory');
      expect((cause as Error).message).to.match(/out of memory/i);
      expect(await p.run(task(['double'], { x: 3 }), signal)).to.deep.equal({ double: 6 });
    });

    it("names the node of the task it died in, not the task's first node", async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      await nodeFailure(p.run(task(['double', 'exitAfter'], { x: 1, code: 0 }), signal), 'exitAfter');
      expect(await p.run(task(['double', 'plusOne'], { x: 1 }), signal)).to.deep.equal({ plusOne: 3 });
    });

    it('names the resource being made when the thread dies making it', async () => {
      const p = preparedPool([UsesClient], { threads: 1 });
      pools.push(p);
      const signal = new AbortController().signal;
      const { id, runId } = task(['page'], {});
      const making = (url: string): Task => ({ id, runId, nodes: ['page'], inputs: { ids: 1 }, outputs: ['page'], resources: { client: { url } } });
      const cause = await nodeFailure(p.run(making('exit'), signal), 'client');
      expect((cause as Error).message).to.match(/thread running 'client' died/);
      expect((await p.run(making('db'), signal)).page).to.include({ page: 'db/1', serial: 1 });
    });

    it('fails only the task it ran: the tasks queued behind it run on a new thread', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const dying = p.run(task(['exitWith'], { code: 0 }), signal);
      const queued = [1, 2, 3].map((x) => p.run(task(['double'], { x }), signal));
      await nodeFailure(dying, 'exitWith');
      expect(await Promise.all(queued)).to.deep.equal([{ double: 2 }, { double: 4 }, { double: 6 }]);
    });
  });

  describe('whatever a node throws or returns', () => {
    const thrown: Array<[string, string, (cause: unknown) => void]> = [
      ['an object with no prototype', 'throwNullPrototype', (cause) => expect(cause).to.deep.equal({ reason: 'no prototype 1' })],
      ['a string', 'throwString', (cause) => expect(cause).to.equal('plain string 1')],
      ['undefined', 'throwUndefined', (cause) => expect(cause).to.equal(undefined)],
      ['an object with a symbol key', 'throwSymbolKeyed', (cause) => expect(cause).to.deep.equal({ visible: 1 })],
      [
        'a symbol',
        'throwSymbol',
        (cause) => {
          expect(cause).to.be.instanceOf(HamiltonError);
          expect((cause as Error).message).to.match(/threw Symbol\(sym 1\), which cannot be sent between threads/);
        },
      ],
      [
        'an Error with fields and a cause',
        'throwCoded',
        (cause) => {
          expect(cause).to.be.instanceOf(Error);
          expect((cause as Error).message).to.equal('outer');
          const inner = (cause as Error).cause as RangeError & { code: string };
          expect(inner).to.be.instanceOf(RangeError);
          expect([inner.message, inner.code]).to.deep.equal(['coded 1', 'E_CODED']);
          expect(inner.stack).to.match(/faults/);
        },
      ],
      ['a thenable whose then throws', 'thenableThatThrows', (cause) => expect((cause as Error).message).to.equal('then broke 1')],
    ];
    for (const [what, node, check] of thrown) {
      it(`rejects once, naming the node, when it throws ${what}; no unhandled rejection; the thread lives on`, async () => {
        const p = pool(1);
        const signal = new AbortController().signal;
        const unhandled = await unhandledDuring(async () => {
          const before = (await p.run(task(['thread'], { x: 1 }), signal)).thread;
          check(await nodeFailure(p.run(task([node], { x: 1 }), signal), node));
          expect((await p.run(task(['thread'], { x: 1 }), signal)).thread).to.equal(before);
        });
        expect(unhandled).to.deep.equal([]);
      });
    }

    it('takes the first value of a thenable that settles many times, and warns of a promise the node left rejecting', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on('warning', onWarning);
      try {
        const unhandled = await unhandledDuring(async () => {
          expect(await p.run(task(['thenableTwice'], { x: 1 }), signal)).to.deep.equal({ thenableTwice: 1 });
          const before = (await p.run(task(['thread'], { x: 1 }), signal)).thread;
          expect(await p.run(task(['leaveRejection'], { x: 2 }), signal)).to.deep.equal({ leaveRejection: 2 });
          expect((await p.run(task(['thread'], { x: 1 }), signal)).thread).to.equal(before);
        });
        expect(unhandled).to.deep.equal([]);
      } finally {
        process.off('warning', onWarning);
      }
      const ours = warnings.filter((w) => w.name === 'HamiltonWarning');
      expect(ours.map((w) => w.message)).to.deep.equal([
        'A promise left behind by a node in a WorkerPoolExecutor thread rejected and nothing handled it: Error: nobody listens. The thread lives on; await or catch the promise in the node.',
      ]);
    });

    it('answers once even for a proxy that throws when read, returned or thrown', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const returned = await nodeFailure(p.run(task(['returnHostile'], { x: 1 }), signal), 'returnHostile');
      expect((returned as Error).message).to.match(/value of 'returnHostile' cannot be sent back from its worker thread \(hostile 1\)/);
      const thrown = await nodeFailure(p.run(task(['throwHostile'], { x: 2 }), signal), 'throwHostile');
      expect((thrown as Error).message).to.match(/threw a value of type object that cannot be read/);
      expect(await p.run(task(['double'], { x: 3 }), signal)).to.deep.equal({ double: 6 });
    });

    it("takes only its own answers when a node posts on the thread's port itself", async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      expect(await p.run(task(['chatter'], { x: 3 }), signal)).to.deep.equal({ chatter: 3 });
      expect(await p.run(task(['double'], { x: 3 }), signal)).to.deep.equal({ double: 6 });
    });

    it('refuses a returned value that cannot travel with a HamiltonError naming the node and what can travel', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const fn = await nodeFailure(p.run(task(['returnFunction'], { x: 1 }), signal), 'returnFunction');
      expect(fn).to.be.instanceOf(HamiltonError);
      expect((fn as Error).message).to.match(/value of 'returnFunction' cannot be sent back.*value is a function.*structured clone: numbers/);
      const money = await nodeFailure(p.run(task(['returnMoney'], { x: 1 }), signal), 'returnMoney');
      expect((money as Error).message).to.match(/instance of Money with methods \(format\)/);
      expect(await p.run(task(['double'], { x: 1 }), signal)).to.deep.equal({ double: 2 });
    });

    it('refuses an input that cannot travel before it leaves, naming the input and the task', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const error = await rejection(p.run(task(['plusOne'], { double: { nested: [1, { f: Math.max }] } }), signal));
      expect(error).to.be.instanceOf(HamiltonError);
      expect((error as Error).message).to.match(/Task 'plusOne#\d+'.*input 'double'.*value\.nested\[1\]\.f is a function \(max\)/);
      const upstream = await rejection(p.run({ ...task(['plusOne'], { double: 1 }), resources: { client: { url: Symbol('url') } } }, signal));
      expect((upstream as Error).message).to.match(
        /resource 'client' is made there from its upstream values, and 'url' cannot travel \(value is a symbol\)/,
      );
      const hostile = new Proxy(
        {},
        {
          getPrototypeOf: () => {
            throw new Error('no peeking');
          },
        },
      );
      const read = await rejection(p.run(task(['plusOne'], { double: hostile }), signal));
      expect((read as Error).message).to.match(/input 'double' cannot travel \(reading it threw: Error: no peeking\)/);
      expect(p.size).to.equal(0);
    });
  });

  describe('aborting', () => {
    it('rejects with the reason at once when the signal is already aborted, starting no thread', async () => {
      const p = pool(1);
      const controller = new AbortController();
      controller.abort(new Error('gave up'));
      expect(await rejection(p.run(task(['double'], { x: 1 }), controller.signal))).to.equal(controller.signal.reason);
      expect(p.size).to.equal(0);
    });

    it("drops the run's queued tasks, ends the thread running its task and serves other runs", async () => {
      const p = pool(1);
      const mine = new AbortController();
      const other = new AbortController();
      const first = (await p.run(task(['thread'], { x: 1 }), other.signal)).thread;
      const spinning = p.run(task(['spin'], { ms: 60000 }), mine.signal);
      const queued = [1, 2, 3].map((x) => p.run(task(['double'], { x }), mine.signal));
      const theirs = p.run(task(['thread'], { x: 1 }), other.signal);
      const outcomes = [spinning, ...queued].map(rejection);
      mine.abort(new Error('run failed elsewhere'));
      for (const outcome of await Promise.all(outcomes)) expect(outcome).to.equal(mine.signal.reason);
      const replacement = (await theirs).thread;
      expect(replacement).to.be.a('number').and.not.equal(first);
      expect(p.size).to.equal(1);
    });
  });

  describe('feature sets named by { module, export }', () => {
    it('loads a class exported under another name, and a module whose exports are the class', async () => {
      const renamed = preparedPool([Renamed], { threads: 1 });
      const whole = preparedPool([WholeModule], { threads: 1 });
      pools.push(renamed, whole);
      const signal = new AbortController().signal;
      expect(await renamed.run(task(['shout'], { word: 'hi' }), signal)).to.deep.equal({ shout: 'HI!' });
      expect(await whole.run(task(['whisper'], { word: 'HI' }), signal)).to.deep.equal({ whisper: 'hi...' });
    });

    it('names a class by its module file and the name it is exported under', () => {
      expect(threadFeatureSet(Renamed)).to.deep.equal({ export: 'Renamed', module: require.resolve('../../fixtures/workers/renamed.js') });
      expect(threadFeatureSet(WholeModule)).to.deep.equal({
        export: 'WholeModule',
        module: require.resolve('../../fixtures/workers/whole-module.js'),
      });
      expect(Renamed.name).to.equal('Secretly');
    });

    it('refuses a class no module exports when prepared', () => {
      expect(() => preparedPool([hiddenFeatureSet()])).to.throw(HamiltonError, /no loaded module exports Hidden/);
    });

    it('fails the queue with a clear error when a thread cannot load the modules, without restarting forever', async () => {
      const p = preparedPool([FailsInWorkers], { threads: 2 });
      pools.push(p);
      const signal = new AbortController().signal;
      const errors = await Promise.all([1, 2, 3].map((x) => rejection(p.run(task(['ping'], { x }), signal))));
      for (const error of errors) {
        expect(error).to.be.instanceOf(HamiltonError);
        expect((error as Error).message).to.match(/could not start a worker thread: Error: this module refuses worker threads/);
      }
      expect(await rejection(p.run(task(['ping'], { x: 4 }), signal))).to.be.instanceOf(HamiltonError);
    });
  });

  describe('misuse', () => {
    it('says what is wrong with a task, a signal, the options or the setup', async () => {
      expect(await rejection(new WorkerPoolExecutor().run(task(['double'], { x: 1 }), new AbortController().signal))).to.be.instanceOf(HamiltonError);
      const p = pool(1);
      const run = p.run.bind(p) as (task: unknown, signal?: unknown) => Promise<unknown>;
      expect(((await rejection(run(null))) as Error).message).to.match(/needs a task .*got null/);
      expect(((await rejection(run({ id: 't', nodes: 'double', inputs: {}, outputs: [] }))) as Error).message).to.match(
        /nodes must be a non-empty array/,
      );
      expect(((await rejection(run(task(['double'], { x: 1 }), { aborted: false }))) as Error).message).to.match(/signal must be an AbortSignal/);
      expect(() => new WorkerPoolExecutor({ threads: 0 })).to.throw(HamiltonError, /threads must be a whole number/);
      expect(() => p.prepare({ featureSets: [Renamed], config: {}, allowModuleOverrides: false, graph: undefined as never })).to.throw(
        HamiltonError,
        /one WorkerPoolExecutor per driver/,
      );
      expect(() => preparedPool([Faults], {}, { format: (x: number) => x })).to.throw(
        HamiltonError,
        /config cannot be sent.*config\.format is a function/,
      );
    });

    it('rejects what waits and runs when closed, and works again afterwards', async () => {
      const p = pool(1);
      const signal = new AbortController().signal;
      const running = p.run(task(['spin'], { ms: 60000 }), signal);
      const queued = p.run(task(['double'], { x: 1 }), signal);
      const outcomes = [running, queued].map(rejection);
      await p.close();
      for (const outcome of await Promise.all(outcomes)) expect((outcome as Error).message).to.match(/was closed/);
      expect(p.size).to.equal(0);
      expect(await p.run(task(['double'], { x: 2 }), signal)).to.deep.equal({ double: 4 });
    });
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { HamiltonError } from 'hamilton-ts';
import { TaskNodeError } from '../../../lib/execution/task.js';
import { Faults } from '../../fixtures/workers/faults.js';
import { preparedPool, task } from './pool-helpers.js';

type Fate = 'ok' | 'async' | 'throw' | 'reject' | 'exit';

interface Step {
  readonly x: number;
  readonly fate: Fate;
  /** Runs `afterFated` after `fated` in the same task. */
  readonly chain: boolean;
  /** Belongs to the run that gets aborted. */
  readonly aborted: boolean;
}

const THREADS = 2;

const step = fc.record({
  x: fc.nat(1000),
  fate: fc.constantFrom<Fate>('ok', 'ok', 'ok', 'ok', 'async', 'async', 'throw', 'reject', 'exit'),
  chain: fc.boolean(),
  aborted: fc.boolean(),
});

/** What the reference model says a step ends with, or what it may end with when its run is aborted. */
function check(s: Step, outcome: PromiseSettledResult<unknown>, reason: unknown): void {
  if (s.aborted && outcome.status === 'rejected' && outcome.reason === reason) return;
  if (s.fate === 'ok' || s.fate === 'async') {
    expect(outcome).to.deep.equal({ status: 'fulfilled', value: s.chain ? { afterFated: s.x * 2 + 1 } : { fated: s.x * 2 } });
    return;
  }
  expect(outcome.status).to.equal('rejected');
  const error = (outcome as PromiseRejectedResult).reason as TaskNodeError;
  expect(error).to.be.instanceOf(TaskNodeError);
  expect(error.node).to.equal('fated');
  if (s.fate === 'reject') {
    expect(error.cause).to.equal(`rejected ${s.x}`);
  } else if (s.fate === 'throw') {
    expect(error.cause).to.be.instanceOf(RangeError);
    expect((error.cause as Error).message).to.equal(`fated ${s.x}`);
  } else {
    expect(error.cause).to.be.instanceOf(HamiltonError);
    expect((error.cause as Error).message).to.include(`exited with code ${s.x % 3}`);
  }
}

describe('WorkerPoolExecutor (property): random tasks, failures, thread exits and aborts', function () {
  this.timeout(120000);
  const pool = preparedPool([Faults], { threads: THREADS });
  after(() => pool.close());

  it('settles every task once with the reference outcome, never holds more than `threads` threads, and works afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), fc.nat(8), async (steps, abortAfter) => {
        const kept = new AbortController();
        const doomed = new AbortController();
        const reason = new Error('the run was aborted');
        let settled = 0;
        let largest = pool.size;
        const onSettle = () => {
          largest = Math.max(largest, pool.size);
          if (++settled === abortAfter) doomed.abort(reason);
        };
        const runs = steps.map((s) => {
          const nodes = s.chain ? ['fated', 'afterFated'] : ['fated'];
          const run = pool.run(task(nodes, { x: s.x, fate: s.fate }), s.aborted ? doomed.signal : kept.signal);
          run.then(onSettle, onSettle);
          return run;
        });
        largest = Math.max(largest, pool.size);
        if (abortAfter === 0) doomed.abort(reason);
        const outcomes = await Promise.allSettled(runs);
        outcomes.forEach((outcome, i) => check(steps[i], outcome, reason));
        expect(settled).to.equal(steps.length);
        expect(largest).to.be.at.most(THREADS);
        expect(await pool.run(task(['double', 'plusOne'], { x: steps.length }), kept.signal)).to.deep.equal({ plusOne: steps.length * 2 + 1 });
      }),
      { numRuns: 25 },
    );
    expect(pool.size).to.be.at.most(THREADS);
  });
});

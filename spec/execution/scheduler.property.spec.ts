import { expect } from 'chai';
import * as fc from 'fast-check';
import { Builder, MissingInputError, NodeExecutionError, runTask, type Executor, type ExecutorSetup, type Task, type TaskValues } from 'hamilton-ts';
import type { FunctionGraph } from '../../lib/graph/function-graph.js';
import { featureSetOf, reference, scenarios, withFailing, type Scenario } from './random-dag.js';

/** Cases per driver and executor; CI runs the default (the issue asks for at least 2,000 in process). */
const RUNS = Number(process.env.HAMILTON_PROPERTY_RUNS ?? 2000);

/** Tasks run a turn later, in the order they come: the public seam, as a user's executor would use it. */
class TaskExecutor implements Executor {
  private graph!: FunctionGraph;
  prepare(setup: ExecutorSetup): void {
    this.graph = setup.graph;
  }
  async run(task: Task): Promise<TaskValues> {
    await new Promise((resolve) => setImmediate(resolve));
    return runTask(this.graph, task);
  }
}

type Outcome = { kind: 'ok'; outputs: Record<string, unknown> } | { kind: 'error'; error: unknown };

async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return { kind: 'ok', outputs: (await run()) as Record<string, unknown> };
  } catch (error) {
    return { kind: 'error', error };
  }
}

/** Checks one run's outcome against the reference evaluator. */
function check(scenario: Scenario, outcome: Outcome): void {
  const expected = reference(scenario);
  if (expected.kind === 'ok') {
    if (outcome.kind === 'error') throw outcome.error;
    expect(outcome.outputs).to.deep.equal(expected.outputs);
    return;
  }
  expect(outcome.kind, 'the run should fail').to.equal('error');
  const error = (outcome as { error: unknown }).error;
  if (expected.kind === 'missing') {
    expect(error).to.be.instanceOf(MissingInputError);
    expect((error as MissingInputError).missing.map((m) => m.input)).to.deep.equal(expected.inputs);
  } else {
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(expected.nodes).to.include((error as NodeExecutionError).nodeName);
  }
}

/**
 * Runs random scenarios through one way of executing: each with its failing nodes, then again with none (the
 * same driver must then be right), with no unhandled rejection anywhere.
 */
async function property(allowAsync: boolean, execute: (scenario: Scenario) => Promise<(s: Scenario) => unknown>): Promise<void> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await fc.assert(
      fc.asyncProperty(scenarios(allowAsync, true), async (scenario) => {
        const run = await execute(scenario);
        check(scenario, await withFailing(scenario.failing, () => outcomeOf(() => run(scenario))));
        const healthy = { ...scenario, failing: [] };
        check(healthy, await outcomeOf(() => run(healthy)));
      }),
      { numRuns: RUNS },
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).to.deep.equal([]);
  } finally {
    process.off('unhandledRejection', listener);
  }
}

describe('the scheduler against a reference evaluator (fast-check, random DAGs)', function () {
  this.timeout(300_000);

  it('the sync Driver', async () => {
    await property(false, async (scenario) => {
      const dr = new Builder().withModules(featureSetOf(scenario)).build();
      return (s) => dr.execute(s.outputs, { inputs: s.inputs, overrides: s.overrides });
    });
  });

  it('the AsyncDriver, with random async nodes and async generators', async () => {
    await property(true, async (scenario) => {
      const dr = await new Builder().withModules(featureSetOf(scenario)).buildAsync();
      return (s) => dr.execute(s.outputs, { inputs: s.inputs, overrides: s.overrides });
    });
  });

  it('the AsyncDriver with an executor that runs tasks (one per node, one per fan-out item)', async () => {
    await property(true, async (scenario) => {
      const dr = await new Builder().withModules(featureSetOf(scenario)).withExecutor(new TaskExecutor()).buildAsync();
      return (s) => dr.execute(s.outputs, { inputs: s.inputs, overrides: s.overrides });
    });
  });
});

/**
 * A worker thread of WorkerPoolExecutor: loads the feature-set modules, builds the same graph as the driver,
 * says it is ready, then runs the tasks it is sent with `runTask`, one at a time, and answers each exactly once.
 * An entry point (like the CLI), so it may build the graph through the Builder, as the driver does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FunctionGraph } from '../../graph/function-graph.js';
import type { GraphNode } from '../../graph/node.js';
import { runTask } from '../run-task.js';
import { TaskNodeError, type Task, type TaskValues } from '../task.js';
import { isThenable } from '../../metadata/thenable.js';
import { loadFeatureSet } from './feature-set-ref.js';
import { WorkerPoolMessages } from './messages.js';
import { callableNodesOf, type TaskMessage, type WorkerData, type WorkerMessage } from './protocol.js';
import { describeThrown, sendThrown } from './thrown.js';
import { travelProblem } from './travel.js';

const data = workerData as WorkerData;
const port = parentPort!;
// ts-node users' feature sets are .ts files: compile them the same way here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- ts-node is found at run time, and only when needed
if (data.featureSets.some((ref) => ref.module.endsWith('.ts'))) require('ts-node/register');
// A promise a node leaves behind rejecting must not end a thread that serves others: the driver's process warns.
process.on('unhandledRejection', (reason) => post({ kind: 'unhandled', reason: describeThrown(reason) }));

// The Builder alone, not the whole package: a thread starts faster when its feature sets need nothing else.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an upward import at run time only, in this thread's entry point (see ARCHITECTURE)
const { Builder } = require('../../driver/builder.js') as typeof import('../../driver/builder.js');
const builder = new Builder().withConfig(data.config).withModules(...data.featureSets.map(loadFeatureSet));
const graph = trackingProgress((data.allowModuleOverrides ? builder.allowModuleOverrides() : builder).build().graph);
let running: readonly string[] = [];

port.on('message', ({ id, task }: TaskMessage) => {
  running = callableNodesOf(task);
  let outcome: TaskValues | Promise<TaskValues>;
  try {
    outcome = runTask(graph, task);
  } catch (error) {
    return fail(id, error);
  }
  if (isThenable(outcome))
    outcome.then(
      (values) => done(id, task, values),
      (error: unknown) => fail(id, error),
    );
  else done(id, task, outcome);
});
post({ kind: 'ready' });

/** Answers a task that ran to the end; a value that cannot travel fails it instead. Never throws. */
function done(id: number, task: Task, values: TaskValues): void {
  let node = task.outputs[0];
  try {
    for (node of task.outputs) {
      const problem = travelProblem(values[node]);
      if (problem) return cannotTravel(id, node, problem);
    }
    port.postMessage({ kind: 'done', id, values } satisfies WorkerMessage);
  } catch (error) {
    // Something travelProblem does not know (a host object such as a socket, a proxy that throws): still one answer.
    cannotTravel(id, node, sendThrown(error).kind === 'error' ? (error as Error).message : 'it cannot be read');
  }
}

function cannotTravel(id: number, node: string, problem: string): void {
  post({ kind: 'failed', id, node, error: { kind: 'hamilton', message: WorkerPoolMessages.outputCannotTravel(node, problem) } });
}

/** Answers a task that failed, naming the node when a node failed. Never throws. */
function fail(id: number, error: unknown): void {
  let node: string | undefined;
  let thrown = error;
  try {
    if (error instanceof TaskNodeError) ({ node, cause: thrown } = error);
  } catch {
    // A thrown proxy whose prototype cannot be read: not a TaskNodeError.
  }
  post({ kind: 'failed', id, node, error: sendThrown(thrown) });
}

function post(message: WorkerMessage): void {
  try {
    port.postMessage(message);
  } catch (error) {
    // Only a 'failed' message can get here (its thrown value was checked, but be sure): send its text.
    if (message.kind === 'failed') port.postMessage({ ...message, error: { kind: 'text', text: String((error as Error).message) } });
    else throw error;
  }
}

/**
 * The graph as runTask sees it, each node's callable first recording the node's position in the running
 * task in the shared progress cell.
 */
function trackingProgress(built: FunctionGraph): FunctionGraph {
  const tracked = new Map<string, GraphNode>();
  const get = (name: string): GraphNode | undefined => {
    let node = tracked.get(name);
    if (node === undefined) {
      const original = built.get(name);
      if (original?.callable === undefined) return original;
      const call = original.callable;
      node = { ...original, callable: (args) => (Atomics.store(data.progress, 0, running.indexOf(name)), call(args)) };
      tracked.set(name, node);
    }
    return node;
  };
  return Object.create(built, { get: { value: get } }) as FunctionGraph;
}

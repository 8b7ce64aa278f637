import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { Executor, ExecutorSetup } from './executor.js';
import { runTask } from './run-task.js';
import type { Task, TaskValues } from './task.js';

/**
 * The default executor: every node runs in this thread. It is `inline`, so the scheduler calls nodes itself
 * and builds no task; under the AsyncDriver, independent async nodes and fan-out items still run
 * concurrently, and synchronous nodes never take a trip through the event loop. `run` serves callers that
 * hand it a task anyway (an executor wrapping this one).
 */
export class LocalExecutor implements Executor {
  readonly inline = true;
  private graph: FunctionGraph | undefined;

  prepare(setup: ExecutorSetup): void {
    this.graph = setup.graph;
  }

  run(task: Task): TaskValues | Promise<TaskValues> {
    if (!this.graph) throw new HamiltonError(Messages.executorNotPrepared(this.constructor.name));
    return runTask(this.graph, task);
  }
}

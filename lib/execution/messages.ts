/**
 * The messages of the execution layer (scheduler, fan-out, hooks, tasks), kept beside the code that raises
 * them. Each says what went wrong, where, and what to do.
 */
export const ExecutionMessages = {
  asyncNodeInSyncDriver: (node: string, origin: string) =>
    `Node '${node}' (${origin}) is async; the synchronous Driver would pass its Promise on as a value. ` +
    `Build an AsyncDriver (new Builder()....buildAsync()) to run async nodes.`,
  asyncExecutorInSyncDriver: (executor: string) =>
    `${executor} runs nodes outside this thread, so it cannot serve the synchronous Driver. Build with ` + `buildAsync() to get an AsyncDriver.`,
  asyncHookInSyncDriver: (adapter: string, hook: string) =>
    `${adapter}.${hook} returned a Promise, which the synchronous Driver cannot wait for. Make the hook ` +
    `synchronous, or build an AsyncDriver (new Builder()....buildAsync()), which awaits hooks.`,
  hookFailed: (adapter: string, hook: string, node: string | undefined, cause: string) =>
    `Lifecycle adapter ${adapter}.${hook}${node === undefined ? '' : ` (node '${node}')`} failed: ${cause}. ` +
    `A hook that throws fails the run; catch inside the hook what should not.`,
  notIterable: (node: string, origin: string, actual: string) =>
    `Node '${node}' (${origin}) is @parallelizable() but returned ${actual}; return an array, an iterable or an async iterable.`,
  nestedFanOut: (node: string) =>
    `Node '${node}' is @parallelizable() inside another fan-out; nested fan-outs are not supported. Collect the outer one first.`,
  uncollectedRead: (node: string, perItem: string) =>
    `Node '${node}' reads '${perItem}', which runs once per item of a fan-out, without gathering it. Mark the ` +
    `method @collect('${perItem}') to receive the array of per-item values.`,
  mixedFanOuts: (node: string) => `Node '${node}' reads from two different fan-outs at once; collect each one first.`,
  perItemOutput: (node: string) => `Output '${node}' runs once per item of a fan-out; request the @collect node that gathers it instead.`,
  fanOutReadsItsCollect: (expand: string) =>
    `The fan-out of '${expand}' has a per-item node that reads a value computed from the fan-out's own ` +
    `@collect, so no order can run it. Compute that value without the collect, or split the fan-out in two.`,
  overrideTypeMismatch: (node: string, expected: string, producer: string, actual: string) =>
    `override '${node}' should be ${expected} (what ${producer} returns) but got ${actual}`,
  resourceUpstream: (node: string, origin: string, why: string) =>
    `Resource '${node}' (${origin}) is made once per place from its upstream values, which must be plain data ` +
    `(numbers, strings, arrays, plain objects, Dates, Maps) to tell one resource from another: ${why}.`,
  taskNodeUnknown: (task: string, node: string) =>
    `Task '${task}' names node '${node}', which this graph cannot run. Build the worker's graph from the same ` +
    `feature sets and config as the driver's.`,
  taskOutputMissing: (task: string, output: string) =>
    `The executor answered task '${task}' without a value for '${output}'; an executor's run() must resolve ` +
    `to an object holding every name in task.outputs.`,
  invalidExecutor: (what: string) =>
    `${what} is not an executor: pass an object with a run(task, signal) method (and, optionally, prepare(setup) ` +
    `and close() methods), e.g. new LocalExecutor() or new WorkerPoolExecutor().`,
};

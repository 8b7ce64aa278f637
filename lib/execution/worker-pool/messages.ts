/** What WorkerPoolExecutor tells its users: every message this layer raises. */
export const WorkerPoolMessages = {
  notPrepared: () => 'WorkerPoolExecutor was not given to a driver: pass it with Builder.withExecutor(...) and build with buildAsync().',
  notExported: (cls: string) =>
    `WorkerPoolExecutor loads feature sets from their module files in each worker thread, but no loaded module ` +
    `exports ${cls}. Export the class from its module (and pass the class, not an instance built by hand).`,
  exportGone: (file: string, name: string) =>
    `A worker thread of WorkerPoolExecutor loaded ${file}, but it does not export ${name} there: the module must ` +
    `export the same feature-set class in every thread (no export that depends on the main thread).`,
  otherSetup: () =>
    'This WorkerPoolExecutor already serves a driver with other feature sets, config or overrides: its threads ' +
    'hold that graph. Create one WorkerPoolExecutor per driver.',
  configCannotTravel: (problem: string) => `The driver's config cannot be sent to WorkerPoolExecutor's threads: ${problem}. ${whatTravels}`,
  badThreads: (threads: unknown) => `WorkerPoolExecutor: threads must be a whole number of at least 1, not ${String(threads)}.`,
  badTask: (what: string) =>
    `WorkerPoolExecutor.run(task, signal) needs a task { id, runId, nodes: string[], inputs: object, outputs: string[] }: ${what}.`,
  inputCannotTravel: (task: string, input: string, problem: string) =>
    `Task '${task}' cannot be sent to a worker thread: its input '${input}' cannot travel (${problem}). ${whatTravels}`,
  resourceUpstreamCannotTravel: (task: string, resource: string, parameter: string, problem: string) =>
    `Task '${task}' cannot be sent to a worker thread: resource '${resource}' is made there from its upstream ` +
    `values, and '${parameter}' cannot travel (${problem}). ${whatTravels}`,
  outputCannotTravel: (node: string, problem: string) =>
    `The value of '${node}' cannot be sent back from its worker thread (${problem}). ${whatTravels}`,
  thrownCannotTravel: (description: string) =>
    `The node threw ${description}, which cannot be sent between threads (throw an Error to keep its details).`,
  workerDied: (node: string, reason: string) =>
    `The worker thread running '${node}' died: ${reason}. The pool replaced it; the node (or something it ` +
    `called) ended the thread, threw outside its promise, or ran out of memory.`,
  exited: (code: number) => `it exited with code ${code}`,
  startFailed: (reason: string) =>
    `WorkerPoolExecutor could not start a worker thread: ${reason}. The thread loads the feature sets' module ` +
    `files and builds the graph again; that must work outside the main thread too.`,
  unhandledInThread: (reason: string) =>
    `A promise left behind by a node in a WorkerPoolExecutor thread rejected and nothing handled it: ${reason}. ` +
    `The thread lives on; await or catch the promise in the node.`,
  closed: () => 'WorkerPoolExecutor was closed while this task waited or ran.',
} as const;

const whatTravels =
  'Values cross threads by structured clone: numbers, strings, booleans, bigints, undefined, null, arrays, plain ' +
  'objects, Maps, Sets, Dates, RegExps, typed arrays, ArrayBuffers and Errors travel. Functions and symbols do ' +
  'not, and a class instance arrives as a plain object, so one whose methods matter cannot: send its data and ' +
  'rebuild it in the node, or run the node outside the pool.';

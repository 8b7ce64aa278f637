/**
 * The messages of the BullMQ remote executor and its workers, kept beside the code that raises them. Each says
 * what went wrong, where, and what to do.
 */
const START_WORKER = (redis: string, queue: string) =>
  `npx hamilton-ts worker --modules <file exporting the feature sets> --redis ${redis} --queue ${queue}`;

const TRAVELS =
  'numbers (NaN, Infinity and -0 included), strings, booleans, null, undefined, bigints, Dates, RegExps, ' +
  'plain objects, arrays, Maps, Sets, ArrayBuffers and typed arrays, built-in Errors, and danfo Series/DataFrames';

export const RemoteMessages = {
  unreachable: (where: string, ms: number, reason: string) =>
    `BullMQExecutor: cannot reach Redis at ${where} (no connection within ${ms} ms: ${reason}). Start Redis ` +
    `there, or pass the right { connection } (a redis:// URL or { host, port }); connectTimeoutMs sets the wait.`,
  connectionLost: (where: string, ms: number, pending: number) =>
    `BullMQExecutor: lost the connection to Redis at ${where} for over ${ms} ms with ${pending} task(s) in ` +
    `flight; the run is abandoned (no result is trusted after the outage). Check the Redis server, then run ` +
    `again; reconnectTimeoutMs sets how long an outage is waited out.`,
  jobLost: (task: string, where: string) =>
    `BullMQExecutor: the job of task '${task}' is gone from Redis at ${where} (was Redis restarted without ` +
    `its data, or the job removed by hand?). Run again.`,
  noWorker: (task: string, ms: number, redis: string, queue: string) =>
    `BullMQExecutor: no worker took the job of task '${task}' within ${ms} ms: is a worker running on queue ` +
    `'${queue}' at ${redis}? Start one with \`${START_WORKER(redis, queue)}\`, or raise pickupTimeoutMs.`,
  jobTimedOut: (task: string, ms: number) =>
    `BullMQExecutor: the job of task '${task}' did not finish within jobTimeoutMs (${ms} ms); raise the limit ` + `or make the nodes faster.`,
  jobFailed: (task: string, reason: string) => `BullMQExecutor: the job of task '${task}' failed in the queue: ${reason}`,
  cannotTravel: (node: string, path: string, what: string) =>
    `The value of '${node}' cannot travel to or from a BullMQ worker: ${path === '' ? 'it' : `the part at ${path}`} is ${what}. ` +
    `Values that travel: ${TRAVELS}. Return data, not behaviour (convert a class instance to a plain object, ` +
    `or mark the node @runLocally so it stays in the driver).`,
  bullmqFor: 'Running nodes on BullMQ workers (BullMQExecutor, `hamilton-ts worker`)',
  bullmqInstall: "run `npm install bullmq` (on the driver's machine and on every worker's).",
  closed: 'BullMQExecutor was closed while the task was waiting for its job.',
  badTask: (what: string) =>
    `hamilton-ts worker received a job it cannot read (${what}); are the driver and the worker the same ` + `hamilton-ts version?`,
  unknownFeatureSet: (name: string, module: string | undefined, known: readonly string[]) =>
    `hamilton-ts worker has no feature set '${name}'${module === undefined ? '' : ` (from ${module} on the driver's machine)`}; ` +
    `it loaded: ${known.join(', ') || 'none'}. Start the worker with --modules <the file that exports it>.`,
  ambiguousFeatureSet: (name: string, modules: readonly string[]) =>
    `hamilton-ts worker has several feature sets named '${name}' (from ${modules.join(', ')}) and cannot tell ` +
    `which one the driver means; start the worker with only the module the driver uses.`,
  nonError: (description: string) => `a value that is not an Error was thrown: ${description}`,
  workerStarted: (queue: string, redis: string, featureSets: readonly string[]) =>
    `hamilton-ts worker: queue '${queue}' at ${redis}, feature sets ${featureSets.join(', ')}\n`,
  badNumberFlag: (flag: string, value: string) => `--${flag} must be a positive whole number of milliseconds or jobs, not '${value}'.`,
  badOption: (option: string, value: unknown, expected: string) => `BullMQExecutor: option ${option} is ${String(value)}; it must be ${expected}.`,
} as const;

/**
 * A worker thread of WorkerPoolExecutor: loads the feature-set modules, builds the same graph as the driver,
 * and runs the nodes it is sent, one message per node.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type NodeTask, type TaskResult, type WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
// ts-node users' feature sets are .ts files: compile them the same way here.
if (setup.modules.some((m) => m.file.endsWith('.ts'))) require('ts-node/register');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Builder } = require('../../index.js') as typeof import('../../index.js');
const classes = setup.modules.map(({ file, className }) => {
  const exports = require(file) as Record<string, unknown>;
  const cls = exports[className] ?? ((exports as unknown as Function).name === className ? exports : undefined);
  if (typeof cls !== 'function') throw new Error(`${file} does not export class ${className}`);
  return cls as new () => object;
});
const builder = new Builder().withConfig(setup.config).withModules(...classes);
const graph = (setup.allowModuleOverrides ? builder.allowModuleOverrides() : builder).build().graph;

parentPort!.on('message', (task: NodeTask) => {
  const reply = (result: TaskResult) => {
    try {
      parentPort!.postMessage(result);
    } catch (error) {
      parentPort!.postMessage({ id: task.id, ok: false, error: serializeError(error) } satisfies TaskResult);
    }
  };
  try {
    const value = graph.get(task.node)!.callable!(task.args);
    if (value instanceof Promise) {
      value.then((v) => reply({ id: task.id, ok: true, value: v }), (e) => reply({ id: task.id, ok: false, error: serializeError(e) }));
    } else reply({ id: task.id, ok: true, value });
  } catch (error) {
    reply({ id: task.id, ok: false, error: serializeError(error) });
  }
});

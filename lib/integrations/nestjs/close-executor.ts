import type { Executor } from '../../execution/executor.js';

/** One close per executor, however many drivers (and modules) share it: later callers await the first. */
const closing = new WeakMap<Executor, Promise<void>>();

/** Closes `executor` once (executors without `close` hold nothing). */
export function closeExecutor(executor: Executor | undefined): Promise<void> {
  if (!executor || typeof executor.close !== 'function') return Promise.resolve();
  let closed = closing.get(executor);
  if (!closed) {
    closed = Promise.resolve().then(() => executor.close?.());
    closing.set(executor, closed);
  }
  return closed;
}

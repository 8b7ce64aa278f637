import type { GraphNode, RetryPolicy } from '../graph/node.js';
import { isThenable } from '../metadata/thenable.js';

/**
 * Calls a node, trying again by its `@retry` policy when it throws or its promise rejects. With `blocking`
 * (the sync Driver, which blocks anyway) a synchronous node sleeps between tries and stays synchronous;
 * otherwise the next try waits on a timer and the call becomes a promise.
 */
export function callWithRetry(node: GraphNode, args: unknown[], blocking: boolean): unknown {
  const policy = node.retry;
  if (policy === undefined || policy.attempts <= 1) return node.callable!(args);
  return attempt(node, args, 1, policy, blocking);
}

function attempt(node: GraphNode, args: unknown[], tried: number, policy: RetryPolicy, blocking: boolean): unknown {
  const wait = policy.backoffMs * 2 ** (tried - 1);
  let result: unknown;
  try {
    result = node.callable!(args);
  } catch (error) {
    if (tried >= policy.attempts) throw error;
    if (!blocking) return later(wait, () => attempt(node, args, tried + 1, policy, blocking));
    sleepSync(wait);
    return attempt(node, args, tried + 1, policy, blocking);
  }
  if (!isThenable(result) || tried >= policy.attempts) return result;
  return Promise.resolve(result).catch(() => later(wait, () => attempt(node, args, tried + 1, policy, false)));
}

function later(ms: number, next: () => unknown): Promise<unknown> {
  return new Promise((resolve) => setTimeout(resolve, ms)).then(next);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

import { isThenable } from '../metadata/thenable.js';

/**
 * Continuations that stay synchronous for synchronous values: the one scheduler serves the sync Driver
 * (where nothing is a thenable, so every step below runs at once) and the AsyncDriver alike.
 */

/** `next(value)`, at once when `value` is not a thenable, else when it fulfils. */
export function then<T, R>(value: T | PromiseLike<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  if (isThenable(value)) return Promise.resolve(value).then(next);
  return next(value);
}

/** `ok(fn())` or `failed(error)` when `fn` throws or its thenable rejects; errors of `ok` pass through. */
export function settle<T, R>(
  fn: () => T | PromiseLike<T>,
  ok: (value: T) => R | Promise<R>,
  failed: (error: unknown) => R | Promise<R>,
): R | Promise<R> {
  let value: T | PromiseLike<T>;
  try {
    value = fn();
  } catch (error) {
    return failed(error);
  }
  if (isThenable(value)) return Promise.resolve(value).then(ok, failed);
  return ok(value);
}

/** Runs `cleanup`, then throws `error`: the first failure wins over one of the cleanup. */
export function rethrowAfter<R>(cleanup: () => unknown, error: unknown): R | Promise<R> {
  const fail = (): R => {
    throw error;
  };
  return settle(cleanup, fail, fail);
}

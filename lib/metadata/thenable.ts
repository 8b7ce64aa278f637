/** Whether a value is a promise-like (a node may return any thenable, not only a native Promise). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';
}

/** Whether a value is an async iterable (a fan-out over a stream). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

/** Lets a promise the run gives up on fail quietly: no unhandled rejection. */
export function silence(value: unknown): void {
  if (isThenable(value)) Promise.resolve(value).catch(() => undefined);
}

import type { ConnectionOptions } from 'bullmq';

/** Where the job queue lives: a `redis://` URL or BullMQ's connection options. */
export type RedisConnection = string | ConnectionOptions;

/**
 * BullMQ connection options from a `redis://user:pass@host:port/db` URL (options pass through). Blocking
 * connections must not give up on a request (`maxRetriesPerRequest: null`); reconnection is tried every
 * 100 ms at first and at most every second, so a Redis that comes back quickly is found again quickly. How
 * long an outage is waited out is the executor's decision (its timers), not ioredis's.
 */
export function connectionOptions(connection: RedisConnection): ConnectionOptions {
  const retry = { retryStrategy: (times: number) => Math.min(times * 100, 1000), connectTimeout: 2000 };
  if (typeof connection !== 'string') {
    // A client instance the app made is used as it is; plain options get the retry defaults.
    if (typeof (connection as { connect?: unknown }).connect === 'function') return connection;
    return { ...retry, ...connection };
  }
  const url = new URL(connection);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
    ...retry,
  };
}

/** `host:port` of a connection, for messages (never the password). */
export function describeConnection(connection: RedisConnection): string {
  if (typeof connection === 'string') {
    try {
      const url = new URL(connection);
      return `${url.hostname || '127.0.0.1'}:${url.port || 6379}`;
    } catch {
      return connection.replace(/\/\/[^@/]*@/, '//');
    }
  }
  const options = connection as { host?: string; port?: number; path?: string };
  if (options.path !== undefined) return options.path;
  return `${options.host ?? '127.0.0.1'}:${options.port ?? 6379}`;
}

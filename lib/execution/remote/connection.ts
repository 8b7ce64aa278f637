import type { ConnectionOptions } from 'bullmq';

/** Where the job queue lives: a `redis://` URL or BullMQ's connection options. */
export type RedisConnection = string | ConnectionOptions;

/**
 * BullMQ connection options from a `redis://user:pass@host:port/db` URL (options pass through). Blocking
 * worker connections must not retry requests, hence `maxRetriesPerRequest: null`.
 */
export function connectionOptions(connection: RedisConnection): ConnectionOptions {
  if (typeof connection !== 'string') return connection;
  const url = new URL(connection);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

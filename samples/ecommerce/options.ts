import { parseArgs } from 'node:util';
import type { DatabaseChoice } from './clients/open-database.js';
import { SNAPSHOT_TIME } from './records.js';

/** The flags every entry point understands (each reads the ones it needs). */
export interface SampleOptions extends DatabaseChoice {
  /** The "now" of the features; default the shipped data's snapshot, `now` for the clock. */
  readonly asOf: Date | 'now';
  readonly redisUrl?: string;
  readonly input?: string;
  readonly batchSize: number;
  /** Streaming with Redis: first append the shipped events to the input stream (a demo producer). */
  readonly publishShipped: boolean;
  /** Streaming with Redis: stop when the stream has nothing new, instead of consuming until Ctrl-C. */
  readonly untilIdle: boolean;
  readonly port: number;
  readonly host: string;
}

export const USAGE = `Flags (all optional):
  --postgres URL     PostgreSQL connection string (or env ECOMMERCE_POSTGRES_URL); default: a SQLite file
  --data-dir DIR     where the SQLite file lives (default: <tmp>/hamilton-ts-ecommerce)
  --as-of ISO|now    the execution time of the features (default: the shipped data's snapshot, ${SNAPSHOT_TIME.toISOString()})
  --redis URL        streaming: consume Redis stream 'survey-events' (or env ECOMMERCE_REDIS_URL); default: JSON lines
  --input FILE|-     streaming: JSON lines to read (default: the shipped survey-events.jsonl; '-' for stdin)
  --batch-size N     streaming: records per micro-batch (default 16)
  --publish-shipped  streaming with Redis: first append the shipped events to 'survey-events'
  --until-idle       streaming with Redis: stop when no new event arrives within a second
  --port N --host H  real time: where the service listens (default 3000 on 127.0.0.1)`;

export function parseOptions(argv: readonly string[] = process.argv.slice(2)): SampleOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      postgres: { type: 'string' },
      'data-dir': { type: 'string' },
      'as-of': { type: 'string' },
      redis: { type: 'string' },
      input: { type: 'string' },
      'batch-size': { type: 'string' },
      'publish-shipped': { type: 'boolean' },
      'until-idle': { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const asOfText = values['as-of'];
  const asOf = asOfText === 'now' ? 'now' : asOfText ? new Date(asOfText) : SNAPSHOT_TIME;
  if (asOf !== 'now' && Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a date: ${asOfText}`);
  return {
    postgresUrl: values.postgres ?? process.env.ECOMMERCE_POSTGRES_URL ?? undefined,
    dataDir: values['data-dir'],
    asOf,
    redisUrl: values.redis ?? process.env.ECOMMERCE_REDIS_URL ?? undefined,
    input: values.input,
    batchSize: positiveInt(values['batch-size'] ?? '16', '--batch-size'),
    publishShipped: values['publish-shipped'] ?? false,
    untilIdle: values['until-idle'] ?? false,
    port: positiveInt(values.port ?? '3000', '--port', true),
    host: values.host ?? '127.0.0.1',
  };
}

function positiveInt(text: string, flag: string, zeroAllowed = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`${flag}: expected a whole number, got ${text}`);
  return n;
}

/** The execution time to use now: the fixed date, or the clock. */
export function executionTimeOf(asOf: Date | 'now'): Date {
  return asOf === 'now' ? new Date() : asOf;
}

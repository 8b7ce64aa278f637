import type { Redis } from 'ioredis';
import { checkSurveyRecord } from '../survey-record.dto.js';
import type { SurveyRecord } from '../records.js';
import type { EventBatch, RejectedEvent, ScoredEvent, ScoreSink } from './events.js';

/** Stream and group names of the sample. */
export const SURVEY_STREAM = 'survey-events';
export const SCORE_STREAM = 'survey-scores';
export const CONSUMER_GROUP = 'featurizer';

export interface RedisSourceOptions {
  readonly stream?: string;
  readonly group?: string;
  /** This consumer's name in the group; several consumers share the stream's entries. */
  readonly consumer?: string;
  /** Entries per micro-batch (XREADGROUP COUNT). */
  readonly batchSize?: number;
  /** How long one read waits for new entries, in ms (XREADGROUP BLOCK). */
  readonly blockMs?: number;
  /** Stop after a read that found nothing new (demos, tests); otherwise consume until `signal` aborts. */
  readonly untilIdle?: boolean;
  readonly signal?: AbortSignal;
}

type Entry = [id: string, fields: string[]];

/**
 * The entries of an XREADGROUP reply for one stream. RESP2 answers `[[stream, entries]]`; RESP3 (ioredis 6's
 * default) answers a map, which arrives flattened as `[stream, entries]`.
 */
function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  if (typeof reply[0] === 'string') return (reply[1] as Entry[]) ?? [];
  return (reply[0] as [string, Entry[]])[1] ?? [];
}

/** Creates the consumer group (and the stream) unless it exists. New groups start with the stream's first entry. */
export async function ensureGroup(redis: Redis, stream = SURVEY_STREAM, group = CONSUMER_GROUP): Promise<void> {
  try {
    await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
  }
}

/**
 * Survey events from a Redis stream through a consumer group, as micro-batches. It first re-reads this
 * consumer's own pending entries (delivered before a crash, never acknowledged), then new ones. Each batch's
 * `ack()` XACKs its entries, invalid ones included (they got an error result; redelivering cannot fix them).
 */
export async function* redisBatches(redis: Redis, options: RedisSourceOptions = {}): AsyncGenerator<EventBatch> {
  const stream = options.stream ?? SURVEY_STREAM;
  const group = options.group ?? CONSUMER_GROUP;
  const consumer = options.consumer ?? `consumer-${process.pid}`;
  const count = options.batchSize ?? 16;
  const blockMs = options.blockMs ?? 1000;
  await ensureGroup(redis, stream, group);
  // '0' onwards: our pending entries; the cursor moves past each batch so a failing entry is not re-read forever.
  let pendingCursor: string | undefined = '0';
  while (!options.signal?.aborted) {
    const reading = pendingCursor ?? '>';
    const block = pendingCursor ? [] : ['BLOCK', String(blockMs)];
    const entries = entriesOf(await redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', String(count), ...block, 'STREAMS', stream, reading));
    if (entries.length === 0) {
      if (pendingCursor) {
        pendingCursor = undefined;
        continue;
      }
      if (options.untilIdle) return;
      continue;
    }
    if (pendingCursor) pendingCursor = entries[entries.length - 1][0];
    yield batchOf(redis, stream, group, entries);
  }
}

function batchOf(redis: Redis, stream: string, group: string, entries: readonly Entry[]): EventBatch {
  const records: SurveyRecord[] = [];
  const rejected: RejectedEvent[] = [];
  for (const [id, fields] of entries) {
    // A pending entry deleted from the stream since its delivery comes back without fields.
    const raw = fields ? fieldValue(fields, 'record') : undefined;
    let value: unknown;
    try {
      value = raw === undefined ? undefined : JSON.parse(raw);
    } catch (error) {
      rejected.push({ ref: id, errors: { json: [(error as Error).message] } });
      continue;
    }
    if (value === undefined) {
      rejected.push({ ref: id, errors: { record: ["the entry has no 'record' field"] } });
      continue;
    }
    const checked = checkSurveyRecord(value);
    if ('errors' in checked) rejected.push({ ref: id, errors: checked.errors });
    else records.push(checked.record);
  }
  const ids = entries.map(([id]) => id);
  return { records, rejected, ack: async () => void (await redis.call('XACK', stream, group, ...ids)) };
}

function fieldValue(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** Appends survey records to the input stream (what an app would do on each survey submission). */
export async function publishSurveys(redis: Redis, records: readonly unknown[], stream = SURVEY_STREAM): Promise<string[]> {
  const pipeline = redis.pipeline();
  for (const record of records) pipeline.call('XADD', stream, '*', 'record', typeof record === 'string' ? record : JSON.stringify(record));
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, id]) => {
    if (error) throw error;
    return String(id);
  });
}

/** Writes each result as an entry of the output stream (fields `clientId` and `result`, JSON). */
export class RedisStreamSink implements ScoreSink {
  constructor(
    private readonly redis: Redis,
    readonly stream = SCORE_STREAM,
  ) {}

  async write(events: readonly ScoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const event of events) pipeline.call('XADD', this.stream, '*', 'clientId', String(event.clientId), 'result', JSON.stringify(event));
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
  }
}

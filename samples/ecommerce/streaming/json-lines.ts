import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { checkSurveyRecord } from '../survey-record.dto.js';
import type { SurveyRecord } from '../records.js';
import type { EventBatch, RejectedEvent, ScoredEvent, ScoreSink } from './events.js';

/** Lines of a file (or of stdin for `-`), as an async iterable. */
export function lines(source: string | Readable): AsyncIterable<string> {
  const input = typeof source !== 'string' ? source : source === '-' ? process.stdin : createReadStream(source, 'utf8');
  return createInterface({ input, crlfDelay: Infinity });
}

/**
 * Survey events from JSON lines, grouped in micro-batches of `size` records. Blank lines are skipped; a line
 * that is not a valid record is reported in its batch's `rejected`, never thrown: one bad event must not
 * stop the stream.
 */
export async function* jsonLineBatches(source: AsyncIterable<string>, size: number): AsyncGenerator<EventBatch> {
  let records: SurveyRecord[] = [];
  let rejected: RejectedEvent[] = [];
  let lineNumber = 0;
  const batch = (): EventBatch => ({ records, rejected, ack: async () => undefined });
  for await (const line of source) {
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      rejected.push({ ref: `line ${lineNumber}`, errors: { json: [(error as Error).message] } });
      continue;
    }
    const checked = checkSurveyRecord(value);
    if ('errors' in checked) rejected.push({ ref: `line ${lineNumber}`, errors: checked.errors });
    else records.push(checked.record);
    if (records.length >= size) {
      yield batch();
      records = [];
      rejected = [];
    }
  }
  if (records.length > 0 || rejected.length > 0) yield batch();
}

/** Writes each result as one JSON line (stdout by default). */
export class JsonLinesSink implements ScoreSink {
  constructor(private readonly out: Writable = process.stdout) {}

  async write(events: readonly ScoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const text = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }
}

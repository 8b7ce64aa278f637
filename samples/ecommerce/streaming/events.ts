import type { SurveyRecord } from '../records.js';

/** A stream event that could not become a record (bad JSON, a missing or invalid field). */
export interface RejectedEvent {
  /** Where it came from: `line 12`, or a Redis stream entry id. */
  readonly ref: string;
  readonly errors: Record<string, string[]>;
}

/** One micro-batch read from a source: the valid records, the rejects, and how to acknowledge it. */
export interface EventBatch {
  readonly records: readonly SurveyRecord[];
  readonly rejected: readonly RejectedEvent[];
  /** Marks the batch processed (Redis: XACK); called after its results are written. */
  ack(): Promise<void>;
}

/** What the stream emits per record: the prediction and the features it was made from, or why there is none. */
export type ScoredEvent =
  | {
      readonly clientId: number;
      readonly converted: 0 | 1;
      readonly probability: number;
      readonly features: Readonly<Record<string, number>>;
    }
  | { readonly clientId: number | null; readonly error: string; readonly details?: Readonly<Record<string, string[]>> };

/** Where results go (stdout JSON lines, a Redis stream). */
export interface ScoreSink {
  write(events: readonly ScoredEvent[]): Promise<void>;
}

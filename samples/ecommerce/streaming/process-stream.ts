import type { EventBatch, ScoredEvent, ScoreSink } from './events.js';
import type { StreamScorer } from './scorer.js';

export interface StreamCounts {
  batches: number;
  scored: number;
  rejected: number;
  failedBatches: number;
}

/**
 * The streaming loop: for each micro-batch, featurize and score the valid records, write the results (and
 * one error result per rejected event), then acknowledge the batch. A batch whose featurization fails (a
 * database hiccup) is reported and left unacknowledged, so a Redis consumer group redelivers it; the loop
 * goes on with the next batch.
 */
export async function processStream(
  batches: AsyncIterable<EventBatch>,
  scorer: StreamScorer,
  sink: ScoreSink,
  executionTime: () => Date,
  onError: (error: unknown) => void = (error) => console.error('streaming: batch failed:', error),
): Promise<StreamCounts> {
  const counts: StreamCounts = { batches: 0, scored: 0, rejected: 0, failedBatches: 0 };
  for await (const batch of batches) {
    counts.batches++;
    try {
      const scored = await scorer.score(batch.records, executionTime());
      const rejected: ScoredEvent[] = batch.rejected.map((r) => ({ clientId: null, error: `invalid event (${r.ref})`, details: r.errors }));
      await sink.write([...scored, ...rejected]);
      await batch.ack();
      counts.scored += scored.length;
      counts.rejected += rejected.length;
    } catch (error) {
      counts.failedBatches++;
      onError(error);
    }
  }
  return counts;
}

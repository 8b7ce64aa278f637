import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Redis } from 'ioredis';
import { Builder } from 'hamilton-ts';
import { describeDatabase, openDatabase } from './clients/open-database.js';
import type { SqlClient } from './clients/sql-client.js';
import { TrainingStore } from './clients/training-store.js';
import { featureSets } from './features/index.js';
import { ConversionModel, type StoredModel } from './model/conversion-model.js';
import { runWhenMain } from './entry-point.js';
import { executionTimeOf, parseOptions } from './options.js';
import type { EventBatch, ScoreSink } from './streaming/events.js';
import { jsonLineBatches, JsonLinesSink, lines } from './streaming/json-lines.js';
import { processStream, type StreamCounts } from './streaming/process-stream.js';
import { publishSurveys, redisBatches, RedisStreamSink, SCORE_STREAM, SURVEY_STREAM } from './streaming/redis-stream.js';
import { StreamScorer } from './streaming/scorer.js';

/** The survey events shipped with the sample (compiled code runs from dist/, where the file is not copied). */
export const SHIPPED_EVENTS =
  [path.join(__dirname, 'survey-events.jsonl'), path.join(__dirname, '..', '..', '..', 'samples', 'ecommerce', 'survey-events.jsonl')].find(
    (candidate) => existsSync(candidate),
  ) ?? path.join(__dirname, 'survey-events.jsonl');

/**
 * The streaming driver (config mode 'streaming': records in, logins looked up by key, aggregates read from
 * what batch stored) and the stored model, ready to score micro-batches.
 */
export async function createStreamScorer(db: SqlClient): Promise<StreamScorer> {
  const training = new TrainingStore(db);
  const dr = await new Builder()
    .withConfig({ mode: 'streaming' })
    .withModules(...featureSets(db, training))
    .buildAsync();
  return new StreamScorer(dr, ConversionModel.load((await training.model()) as StoredModel));
}

/** Runs the stream from JSON lines (a file, or stdin for '-') to a sink. */
export async function streamJsonLines(
  scorer: StreamScorer,
  input: string,
  batchSize: number,
  sink: ScoreSink,
  executionTime: () => Date,
): Promise<StreamCounts> {
  return processStream(jsonLineBatches(lines(input), batchSize), scorer, sink, executionTime);
}

async function main(): Promise<void> {
  // `streaming.js | head` closes stdout early: that ends the run quietly, not with an EPIPE trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : undefined));
  const options = parseOptions();
  const db = openDatabase(options);
  const now = () => executionTimeOf(options.asOf);
  const log = (text: string) => console.error(`streaming: ${text}`); // stdout carries the results
  try {
    const scorer = await createStreamScorer(db);
    log(`featurizing with config { mode: 'streaming' } against ${describeDatabase(options)}`);
    if (!options.redisUrl) {
      const input = options.input ?? SHIPPED_EVENTS;
      const counts = await streamJsonLines(scorer, input, options.batchSize, new JsonLinesSink(), now);
      log(`${counts.scored} scored, ${counts.rejected} rejected, in ${counts.batches} micro-batches from ${input === '-' ? 'stdin' : input}`);
      return;
    }
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    try {
      if (options.publishShipped) {
        const records: string[] = [];
        for await (const line of lines(SHIPPED_EVENTS)) if (line.trim()) records.push(line);
        await publishSurveys(redis, records);
        log(`published ${records.length} shipped events to '${SURVEY_STREAM}'`);
      }
      const batches: AsyncIterable<EventBatch> = redisBatches(redis, {
        batchSize: options.batchSize,
        untilIdle: options.untilIdle,
        signal: stop.signal,
      });
      log(`consuming '${SURVEY_STREAM}' (group featurizer), writing to '${SCORE_STREAM}'${options.untilIdle ? ' until idle' : '; Ctrl-C stops'}`);
      const counts = await processStream(batches, scorer, new RedisStreamSink(redis), now);
      log(`${counts.scored} scored, ${counts.rejected} rejected, ${counts.failedBatches} failed batches`);
    } finally {
      redis.disconnect();
    }
  } finally {
    await db.close();
  }
}

runWhenMain(module, main);

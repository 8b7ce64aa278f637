import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { collect, node, parallelizable } from 'hamilton-ts';

/** What one mini-batch of readings comes to. */
export interface BatchStats {
  readonly rows: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  readonly anomalies: number;
}

/** The file's summary, gathered from every batch in file order. */
export interface Summary {
  readonly batches: number;
  readonly rows: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly anomalyShare: number;
}

/**
 * The second talk's roadmap item: a large file processed in mini-batches by a generator. `batches` reads the
 * file lazily, one batch of `batchSize` readings at a time; the AsyncDriver pulls a new batch only when one of
 * the `concurrency` slots frees up, so memory holds at most four batches, whatever the file's size.
 */
export class SensorFile {
  @parallelizable({ concurrency: 4 })
  async *batches(path: string, batchSize: number): AsyncIterable<Float64Array> {
    let batch = new Float64Array(batchSize);
    let filled = 0;
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      if (line.length === 0) continue;
      batch[filled++] = Number(line);
      if (filled === batchSize) {
        yield batch;
        batch = new Float64Array(batchSize);
        filled = 0;
      }
    }
    if (filled > 0) yield batch.subarray(0, filled);
  }

  @node({ doc: 'Count, sum, extremes and readings beyond the threshold, per batch.' })
  batchStats(batches: Float64Array, threshold: number): BatchStats {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let anomalies = 0;
    for (const reading of batches) {
      sum += reading;
      if (reading < min) min = reading;
      if (reading > max) max = reading;
      if (Math.abs(reading) > threshold) anomalies++;
    }
    return { rows: batches.length, sum, min, max, anomalies };
  }

  @collect('batchStats')
  summary(batchStats: BatchStats[]): Summary {
    const rows = batchStats.reduce((n, b) => n + b.rows, 0);
    const sum = batchStats.reduce((s, b) => s + b.sum, 0);
    return {
      batches: batchStats.length,
      rows,
      mean: rows === 0 ? NaN : sum / rows,
      min: Math.min(...batchStats.map((b) => b.min)),
      max: Math.max(...batchStats.map((b) => b.max)),
      anomalyShare: rows === 0 ? 0 : batchStats.reduce((n, b) => n + b.anomalies, 0) / rows,
    };
  }
}

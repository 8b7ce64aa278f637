import { Injectable } from '@nestjs/common';
import { SqlClient } from './sql-client.js';

/** The aggregates computed on the training data, which streaming and real time read instead of recomputing. */
export interface TrainingAggregates {
  readonly ageMean: number;
  readonly ageStddev: number;
}

const AGGREGATES = 'aggregates';
const MODEL = 'model';

/**
 * What batch training leaves for the other modes, in the database (table `training_artifacts`): the model
 * and the aggregates. Reads are memoized: a stream or a service reads them once, not per record.
 */
@Injectable()
export class TrainingStore {
  private aggregatesRead: Promise<TrainingAggregates> | undefined;
  private modelRead: Promise<unknown> | undefined;

  constructor(private readonly db: SqlClient) {}

  async saveAggregates(aggregates: TrainingAggregates): Promise<void> {
    await this.save(AGGREGATES, aggregates);
    this.aggregatesRead = undefined;
  }

  async saveModel(model: unknown): Promise<void> {
    await this.save(MODEL, model);
    this.modelRead = undefined;
  }

  /** The stored aggregates; rejects with a clear message when batch training has not run yet. */
  aggregates(): Promise<TrainingAggregates> {
    return (this.aggregatesRead ??= this.read<TrainingAggregates>(AGGREGATES).catch((error) => {
      this.aggregatesRead = undefined; // a later call may find them (batch ran meanwhile)
      throw error;
    }));
  }

  /** The stored model, as JSON. */
  model(): Promise<unknown> {
    return (this.modelRead ??= this.read<unknown>(MODEL).catch((error) => {
      this.modelRead = undefined;
      throw error;
    }));
  }

  private async save(name: string, value: unknown): Promise<void> {
    await this.db.execute(
      'INSERT INTO training_artifacts (name, body, trained_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET body = excluded.body, trained_at = excluded.trained_at',
      [name, JSON.stringify(value), new Date().toISOString()],
    );
  }

  private async read<T>(name: string): Promise<T> {
    const rows = await this.db.query<{ body: string }>('SELECT body FROM training_artifacts WHERE name = ?', [name]).catch(() => []);
    if (rows.length === 0) throw new Error(`no stored '${name}' in training_artifacts: run the batch entry point first (it trains and stores them)`);
    return JSON.parse(rows[0].body) as T;
  }
}

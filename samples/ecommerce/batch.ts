import type { DataFrame, Series } from 'danfojs';
import { Builder } from 'hamilton-ts';
import { describeDatabase, openDatabase } from './clients/open-database.js';
import { ensureSeeded } from './clients/schema.js';
import type { SqlClient } from './clients/sql-client.js';
import { TrainingStore, type TrainingAggregates } from './clients/training-store.js';
import { featureSets } from './features/index.js';
import { ConversionModel } from './model/conversion-model.js';
import { runWhenMain } from './entry-point.js';
import { executionTimeOf, parseOptions } from './options.js';
import { SNAPSHOT_TIME, type FeatureRow } from './records.js';
import { featureRows, missingFeatures } from './vectors.js';

export interface BatchResult {
  /** featureSetV1 of every training client. */
  readonly rows: readonly FeatureRow[];
  readonly aggregates: TrainingAggregates;
  readonly model: ConversionModel;
  /** Whether this run created and filled the tables. */
  readonly seeded: boolean;
}

/**
 * Batch: the talk's etl.py. Loads survey answers and logins from the database (mode 'batch'), computes
 * featureSetV1 and the label, trains the model, and stores the model and the training aggregates
 * (ageMean, ageStddev) for the streaming and real-time modes.
 */
export async function runBatch(db: SqlClient, executionTime: Date = SNAPSHOT_TIME): Promise<BatchResult> {
  const seeded = await ensureSeeded(db);
  const training = new TrainingStore(db);
  const dr = await new Builder()
    .withConfig({ mode: 'batch' })
    .withModules(...featureSets(db, training))
    .buildAsync();
  const out = (await dr.execute(['clientId', 'featureSetV1', 'converted', 'ageMean', 'ageStddev'], { inputs: { executionTime } })) as {
    clientId: Series;
    featureSetV1: DataFrame;
    converted: Series;
    ageMean: number;
    ageStddev: number;
  };
  const rows = featureRows(out.clientId, out.featureSetV1);
  const labels = out.converted.values as number[];
  // Rows the model cannot learn from (no login on record, no label) are left out of training only.
  const usable = rows.map((row, i) => i).filter((i) => missingFeatures(rows[i]).length === 0 && Number.isFinite(labels[i]));
  const model = ConversionModel.train(
    usable.map((i) => rows[i].features),
    usable.map((i) => labels[i]),
  );
  const aggregates = { ageMean: out.ageMean, ageStddev: out.ageStddev };
  await training.saveModel(model.toJSON());
  await training.saveAggregates(aggregates);
  return { rows, aggregates, model, seeded };
}

/** Prints what a batch run did. */
export function printBatch(result: BatchResult, where: string): void {
  console.log(`batch: ${result.seeded ? 'created and seeded' : 'read'} ${where}`);
  console.log(`batch: featureSetV1 for ${result.rows.length} clients; first three:`);
  for (const row of result.rows.slice(0, 3)) console.log(`  client ${row.clientId}: [${row.features.map((v) => +v.toFixed(4)).join(', ')}]`);
  console.log(
    `batch: trained the conversion model (training accuracy ${(result.model.trainingAccuracy * 100).toFixed(1)}%); ` +
      `stored it and ageMean=${result.aggregates.ageMean.toFixed(4)}, ageStddev=${result.aggregates.ageStddev.toFixed(4)}`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  const db = openDatabase(options);
  try {
    printBatch(await runBatch(db, executionTimeOf(options.asOf)), describeDatabase(options));
  } finally {
    await db.close();
  }
}

runWhenMain(module, main);

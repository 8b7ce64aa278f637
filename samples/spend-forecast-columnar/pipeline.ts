import type { Table } from 'apache-arrow';
import { ArrowResult, Builder, DictResult, loadFrom, node, source, to, type IoMetadata } from 'hamilton-ts';
import { SHIPPED_ACTUALS } from '../spend-forecast/actuals.js';
import { OUTPUT_COLUMNS } from '../spend-forecast/features.js';
import { ColumnarActuals } from './actuals.js';
import { ColumnarCalendarFeatures, ColumnarSpendFeatures } from './features.js';

export { SHIPPED_ACTUALS };

export { OUTPUT_COLUMNS };

/** The columnar driver: requested outputs come back as one Arrow table (typed arrays wrapped, not copied). */
export function columnarDriver() {
  return new Builder().withModules(ColumnarActuals, ColumnarSpendFeatures, ColumnarCalendarFeatures).withResultBuilder(new ArrowResult()).build();
}

/** Reads a saved features file back: a loader node, so the file is a source in lineage. */
export class SavedFeatures {
  @loadFrom.parquet({ path: source('featuresPath'), inject: 'table' })
  @node({ doc: 'The features as written to Parquet.' })
  savedFeatures(table: Table): Table {
    return table;
  }
}

/** What one run of the sample gives: the features, the saver's metadata, and the file read back. */
export interface ColumnarRun {
  readonly features: Table;
  readonly saved: IoMetadata;
  readonly readBack: Table;
}

/** Computes the features from `actualsPath`, writes them to `parquetPath` (materialize) and reads the file back. */
export function runColumnar(actualsPath: string, parquetPath: string): ColumnarRun {
  const dr = columnarDriver();
  const [metadata] = dr.materialize(
    [to.parquet({ id: 'featuresParquet', dependencies: OUTPUT_COLUMNS, combine: new ArrowResult(), path: parquetPath })],
    {
      inputs: { actualsPath },
    },
  );
  const features = dr.execute(OUTPUT_COLUMNS, { inputs: { actualsPath } });
  const reader = new Builder().withModules(SavedFeatures).withResultBuilder(new DictResult()).build();
  const readBack = reader.execute(['savedFeatures'], { inputs: { featuresPath: parquetPath } }).savedFeatures;
  return { features, saved: metadata.featuresParquet, readBack };
}

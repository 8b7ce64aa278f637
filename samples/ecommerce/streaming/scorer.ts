import type { DataFrame, Series } from 'danfojs';
import type { AsyncDriver } from 'hamilton-ts';
import type { ConversionModel } from '../model/conversion-model.js';
import { FEATURE_COLUMNS, type FeatureRow, type SurveyRecord } from '../records.js';
import { featureRows, missingFeatures } from '../vectors.js';
import type { ScoredEvent } from './events.js';

/** The features of a row by name. */
export function namedFeatures(row: FeatureRow): Record<string, number> {
  return Object.fromEntries(FEATURE_COLUMNS.map((name, j) => [name, row.features[j]]));
}

/**
 * Featurizes a micro-batch with the streaming driver (config mode 'streaming': records in, logins looked up,
 * stored aggregates) and scores it. A record without all its features (an unknown client) gets an error
 * result; the others are scored.
 */
export class StreamScorer {
  constructor(
    private readonly dr: AsyncDriver<Record<string, unknown>>,
    private readonly model: ConversionModel,
  ) {}

  /** featureSetV1 rows of these records (the vectors the skew test compares). */
  async featurize(records: readonly SurveyRecord[], executionTime: Date): Promise<FeatureRow[]> {
    const out = await this.dr.execute(['clientId', 'featureSetV1'], { inputs: { surveyRecords: records, executionTime } });
    return featureRows(out.clientId as Series, out.featureSetV1 as DataFrame);
  }

  async score(records: readonly SurveyRecord[], executionTime: Date): Promise<ScoredEvent[]> {
    if (records.length === 0) return [];
    const rows = await this.featurize(records, executionTime);
    const complete = rows.filter((row) => missingFeatures(row).length === 0);
    const predictions = this.model.predict(complete.map((row) => row.features));
    const byRow = new Map(complete.map((row, i) => [row, predictions[i]]));
    return rows.map((row): ScoredEvent => {
      const prediction = byRow.get(row);
      if (!prediction) return { clientId: row.clientId, error: 'missing features', details: { features: missingFeatures(row) } };
      return { clientId: row.clientId, converted: prediction.converted, probability: prediction.probability, features: namedFeatures(row) };
    });
  }
}

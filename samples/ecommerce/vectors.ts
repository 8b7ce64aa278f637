import type { DataFrame, Series } from 'danfojs';
import { FEATURE_COLUMNS, type FeatureRow } from './records.js';

/** featureSetV1 as one numeric vector per client (booleans as 0/1), in FEATURE_COLUMNS order. */
export function featureRows(clientId: Series, featureSetV1: DataFrame): FeatureRow[] {
  const columns = FEATURE_COLUMNS.map((name) => featureSetV1.column(name).values as (number | boolean)[]);
  return (clientId.values as number[]).map((id, i) => ({ clientId: id, features: columns.map((column) => Number(column[i])) }));
}

/** The features of a row that are not finite numbers (NaN: e.g. no login on record for the client). */
export function missingFeatures(row: FeatureRow): string[] {
  return FEATURE_COLUMNS.filter((_, j) => !Number.isFinite(row.features[j]));
}

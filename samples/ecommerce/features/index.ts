import type { SqlClient } from '../clients/sql-client.js';
import { TrainingStore } from '../clients/training-store.js';
import { AgeAggregates } from './agg-features.js';
import { DataSets } from './data-sets.js';
import { LoginFeatures } from './join-features.js';
import { SurveyLoaders } from './load-data.js';
import { MapFeatures } from './map-features.js';

export { AgeAggregates, DataSets, LoginFeatures, MapFeatures, SurveyLoaders };

/** The one set of feature classes all three modes run; `config.mode` selects the loaders and aggregations. */
export const FEATURE_SETS = [SurveyLoaders, MapFeatures, LoginFeatures, AgeAggregates, DataSets] as const;

/** The modes `@configWhen` selects on. */
export type Mode = 'batch' | 'streaming' | 'realtime';

/** The feature sets as instances holding these clients (batch and streaming wire them by hand; the service uses Nest). */
export function featureSets(db: SqlClient, training = new TrainingStore(db)): object[] {
  return [new SurveyLoaders(db), new MapFeatures(), new LoginFeatures(db), new AgeAggregates(training), new DataSets(db)];
}

/** One onboarding survey answer: what arrives on the stream and in a `/predict` request. */
export interface SurveyRecord {
  readonly clientId: number;
  /** Monthly budget the client declared, in dollars. */
  readonly budget: number;
  readonly age: number;
  readonly gender: string;
}

/** The moment the shipped data describes: logins are that many days old, as of this time. */
export const SNAPSHOT_TIME = new Date('2024-06-01T00:00:00.000Z');

/** The names of featureSetV1's columns, in the order the model reads them. */
export const FEATURE_COLUMNS = ['ageNormalized', 'isHighRoller', 'isMale', 'isFemale', 'timeSinceLastLogin'] as const;
export type FeatureName = (typeof FEATURE_COLUMNS)[number];

/** One client's feature vector, in `FEATURE_COLUMNS` order (booleans as 0/1). */
export interface FeatureRow {
  readonly clientId: number;
  readonly features: readonly number[];
}

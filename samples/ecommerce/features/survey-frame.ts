import { DataFrame } from 'danfojs';
import type { SurveyRecord } from '../records.js';

/** Survey records as the frame every mode's loader returns: the same columns, in the same order. */
export function surveyFrame(records: readonly SurveyRecord[]): DataFrame {
  if (records.length === 0) throw new Error('no survey records: a frame needs at least one row');
  return new DataFrame({
    budget: records.map((r) => Number(r.budget)),
    age: records.map((r) => Number(r.age)),
    gender: records.map((r) => String(r.gender)),
    clientId: records.map((r) => Number(r.clientId)),
  });
}

/** A table name checked before it goes into SQL text (names cannot be bound as parameters). */
export function tableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i.test(name)) throw new Error(`not a plain table name: ${JSON.stringify(name)}`);
  return name;
}

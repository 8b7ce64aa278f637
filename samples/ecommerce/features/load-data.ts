import { Injectable } from '@nestjs/common';
import { DataFrame } from 'danfojs';
import { configWhen, extractColumns, tag, tagOutputs, type ColumnSpec } from 'hamilton-ts';
import { SqlClient } from '../clients/sql-client.js';
import type { SurveyRecord } from '../records.js';
import { surveyFrame, tableName } from './survey-frame.js';

/** The survey columns every variant exposes, with their docs. */
const SURVEY_COLUMNS: ColumnSpec[] = [
  ['budget', 'Monthly budget the client declared in the onboarding survey, in dollars.'],
  ['age', 'Age the client declared, in years.'],
  ['gender', "Gender the client declared: 'male', 'female' or 'other'."],
  ['clientId', 'The client the survey answer belongs to.'],
];

/** Personal data: lineage queries (`listAvailableVariables({ tags: { pii: 'true' } })`) find these columns. */
const PII = { budget: { pii: 'false' }, age: { pii: 'true' }, gender: { pii: 'true' }, clientId: { pii: 'true' } };

/**
 * Where survey answers come from, per mode (the talk's `survey_results` and its `@config.when` variants).
 * Only the loading differs; every feature downstream is the same code in all three modes.
 */
@Injectable()
export class SurveyLoaders {
  constructor(private readonly db: SqlClient) {}

  @extractColumns(...SURVEY_COLUMNS)
  @configWhen({ mode: 'batch' })
  @tag({ source: 'db.survey_results', owner: 'data-engineering' })
  @tagOutputs(PII)
  async surveyResults__batch(surveyResultsTable: string = 'survey_results'): Promise<DataFrame> {
    const rows = await this.db.query<SurveyRecord>(
      `SELECT budget, age, gender, client_id AS "clientId" FROM ${tableName(surveyResultsTable)} ORDER BY client_id`,
    );
    return surveyFrame(rows);
  }

  @extractColumns(...SURVEY_COLUMNS)
  @configWhen({ mode: 'streaming' })
  @tag({ source: 'stream.survey_events', owner: 'data-engineering' })
  @tagOutputs(PII)
  surveyResults__streaming(surveyRecords: SurveyRecord[]): DataFrame {
    return surveyFrame(surveyRecords);
  }

  @extractColumns(...SURVEY_COLUMNS)
  @configWhen({ mode: 'realtime' })
  @tag({ source: 'request.predict', owner: 'data-engineering' })
  @tagOutputs(PII)
  surveyResults__realtime(surveyRecord: SurveyRecord): DataFrame {
    return surveyFrame([surveyRecord]);
  }
}

import { Injectable } from '@nestjs/common';
import { DataFrame, Series } from 'danfojs';
import { configWhen, node, tag } from 'hamilton-ts';
import { SqlClient } from '../clients/sql-client.js';
import { tableName } from './survey-frame.js';

/** The feature set the model is trained and served on, and the label batch trains it against. */
@Injectable()
export class DataSets {
  constructor(private readonly db: SqlClient) {}

  @node({ doc: 'V1 of our feature set: one row per survey answer, the columns the model reads, in order.' })
  @tag({ owner: 'data-science', importance: 'production' })
  featureSetV1(ageNormalized: Series, isHighRoller: Series, isMale: Series, isFemale: Series, timeSinceLastLogin: Series): DataFrame {
    return new DataFrame(
      {
        ageNormalized: ageNormalized.values,
        isHighRoller: isHighRoller.values,
        isMale: isMale.values,
        isFemale: isFemale.values,
        timeSinceLastLogin: timeSinceLastLogin.values,
      },
      { index: ageNormalized.index },
    );
  }

  @node({ doc: 'Whether each client bought within 30 days (1/0): the training label.' })
  @configWhen({ mode: 'batch' })
  @tag({ source: 'db.conversions', owner: 'data-engineering' })
  async converted(clientId: Series, conversionsTable: string = 'conversions'): Promise<Series> {
    const rows = await this.db.query<{ clientId: number; converted: number }>(
      `SELECT client_id AS "clientId", converted FROM ${tableName(conversionsTable)}`,
    );
    const byClient = new Map(rows.map((r) => [Number(r.clientId), Number(r.converted)]));
    return new Series(
      (clientId.values as number[]).map((id) => byClient.get(id) ?? NaN),
      { index: clientId.index },
    );
  }
}

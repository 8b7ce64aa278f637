import { Injectable } from '@nestjs/common';
import { DataFrame, Series } from 'danfojs';
import { configWhen, configWhenIn, node, tag } from 'hamilton-ts';
import { placeholders, SqlClient } from '../clients/sql-client.js';
import { tableName } from './survey-frame.js';

const DAY_MS = 86_400_000;

/** A stored timestamp as epoch milliseconds: SQLite keeps ISO text, PostgreSQL returns a Date. */
function epochMs(value: unknown): number {
  return value instanceof Date ? value.getTime() : Date.parse(String(value));
}

/**
 * The join of the talk: when each client last logged in. Batch joins the whole login table; streaming and
 * real time look the clients up by key. `timeSinceLastLogin` is shared.
 */
@Injectable()
export class LoginFeatures {
  constructor(private readonly db: SqlClient) {}

  @node({ doc: 'Every client login record: clientId and lastLoggedIn (epoch ms).' })
  @configWhen({ mode: 'batch' })
  @tag({ source: 'db.client_logins', owner: 'data-engineering' })
  async clientLoginData(clientLoginsTable: string = 'client_logins'): Promise<DataFrame> {
    const rows = await this.db.query<{ clientId: number; lastLoggedIn: unknown }>(
      `SELECT client_id AS "clientId", last_logged_in AS "lastLoggedIn" FROM ${tableName(clientLoginsTable)}`,
    );
    return new DataFrame({ clientId: rows.map((r) => Number(r.clientId)), lastLoggedIn: rows.map((r) => epochMs(r.lastLoggedIn)) });
  }

  @node({ doc: 'When each client last logged in (epoch ms; NaN when the client never did): a left join on clientId.' })
  @configWhen({ mode: 'batch' })
  lastLoggedIn__batch(clientId: Series, clientLoginData: DataFrame): Series {
    const byClient = new Map<number, number>();
    const ids = clientLoginData.column('clientId').values as number[];
    const times = clientLoginData.column('lastLoggedIn').values as number[];
    ids.forEach((id, i) => byClient.set(id, times[i]));
    return new Series(
      (clientId.values as number[]).map((id) => byClient.get(id) ?? NaN),
      { index: clientId.index },
    );
  }

  @node({ doc: 'When each client last logged in (epoch ms; NaN when the client never did): a key-value lookup.' })
  @configWhenIn({ mode: ['streaming', 'realtime'] })
  @tag({ source: 'db.client_logins', owner: 'data-engineering' })
  async lastLoggedIn__lookup(clientId: Series): Promise<Series> {
    const ids = clientId.values as number[];
    const rows = await this.db.query<{ clientId: number; lastLoggedIn: unknown }>(
      `SELECT client_id AS "clientId", last_logged_in AS "lastLoggedIn" FROM client_logins WHERE client_id IN (${placeholders(ids.length)})`,
      ids,
    );
    const byClient = new Map(rows.map((r) => [Number(r.clientId), epochMs(r.lastLoggedIn)]));
    return new Series(
      ids.map((id) => byClient.get(id) ?? NaN),
      { index: clientId.index },
    );
  }

  @node({ doc: 'Days between the execution time and the last login.' })
  @tag({ owner: 'data-science' })
  timeSinceLastLogin(executionTime: Date, lastLoggedIn: Series): Series {
    const now = executionTime.getTime();
    return new Series(
      (lastLoggedIn.values as number[]).map((t) => (now - t) / DAY_MS),
      { index: lastLoggedIn.index },
    );
  }
}

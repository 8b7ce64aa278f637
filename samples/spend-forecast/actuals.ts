import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DataFrame, Series } from 'danfojs';
import { node } from 'hamilton-ts';
import { readNumericCsv } from './csv.js';

/**
 * The CSV shipped with the sample. Compiled, this file runs from dist/samples/spend-forecast/, where the CSV
 * is not copied; under ts-node it runs next to the CSV. Either way the path does not depend on the cwd.
 */
export const SHIPPED_ACTUALS =
  [path.join(__dirname, 'weekly-actuals.csv'), path.join(__dirname, '..', '..', '..', 'samples', 'spend-forecast', 'weekly-actuals.csv')].find(
    (candidate) => existsSync(candidate),
  ) ?? path.join(__dirname, 'weekly-actuals.csv');

const REQUIRED_COLUMNS = ['year', 'week', 'spend', 'signups'];

/** Loads the weekly actuals (the talk's `load_actuals`) and exposes each raw column as a node. */
export class WeeklyActuals {
  @node({ doc: 'Weekly actuals, one row per week, read from a CSV with columns year, week, spend, signups.' })
  actuals(actualsPath: string = SHIPPED_ACTUALS): DataFrame {
    const columns = readNumericCsv(actualsPath);
    const absent = REQUIRED_COLUMNS.filter((name) => !(name in columns));
    if (absent.length > 0) throw new Error(`${actualsPath} lacks column(s) ${absent.join(', ')}`);
    return new DataFrame(columns);
  }

  @node({ doc: 'Calendar year of the week.' })
  year(actuals: DataFrame): Series {
    return actuals.column('year');
  }

  @node({ doc: 'Week number within the year (1-52).' })
  week(actuals: DataFrame): Series {
    return actuals.column('week');
  }

  @node({ doc: 'Marketing spend of the week, in dollars.' })
  spend(actuals: DataFrame): Series {
    return actuals.column('spend');
  }

  @node({ doc: 'New sign-ups of the week.' })
  signups(actuals: DataFrame): Series {
    return actuals.column('signups');
  }
}

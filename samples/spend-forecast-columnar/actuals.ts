import { tableFromArrays, type Table } from 'apache-arrow';
import { loadFrom, node, source } from 'hamilton-ts';

const REQUIRED_COLUMNS = ['year', 'week', 'spend', 'signups'] as const;

/**
 * The weekly actuals as an Arrow table of Float64Array columns: the csv kind loads the rows (its `actualsPath`
 * input names the file, so lineage shows the source), and each raw column is a node.
 */
export class ColumnarActuals {
  @loadFrom.csv({ path: source('actualsPath'), inject: 'rows' })
  @node({ doc: 'Weekly actuals as an Arrow table of float64 columns year, week, spend, signups.' })
  actuals(rows: Record<string, unknown>[]): Table {
    const columns: Record<string, Float64Array> = {};
    for (const name of REQUIRED_COLUMNS) {
      const values = new Float64Array(rows.length);
      rows.forEach((row, i) => {
        const value = row[name];
        if (typeof value !== 'number') throw new Error(`actuals: row ${i + 1} has ${JSON.stringify(value)} in column '${name}', not a number`);
        values[i] = value;
      });
      columns[name] = values;
    }
    return tableFromArrays(columns);
  }

  @node({ doc: 'Calendar year of the week.' })
  year(actuals: Table): Float64Array {
    return column(actuals, 'year');
  }

  @node({ doc: 'Week number within the year (1-52).' })
  week(actuals: Table): Float64Array {
    return column(actuals, 'week');
  }

  @node({ doc: 'Marketing spend of the week, in dollars.' })
  spend(actuals: Table): Float64Array {
    return column(actuals, 'spend');
  }

  @node({ doc: 'New sign-ups of the week.' })
  signups(actuals: Table): Float64Array {
    return column(actuals, 'signups');
  }
}

/** A float64 column of the table; one chunk without nulls, so Arrow hands back its own memory (no copy). */
function column(table: Table, name: string): Float64Array {
  return table.getChild(name)!.toArray() as Float64Array;
}

import { DataFrame, Series } from 'danfojs';
import { extractColumns, node } from 'hamilton-ts';

/** A frame-building feature set for a project that installed danfojs beside hamilton-ts (spec/package/). */
export class Spend {
  @extractColumns('spend', 'signups')
  raw(spendValues: number[], signupValues: number[]): DataFrame {
    return new DataFrame({ spend: spendValues, signups: signupValues });
  }

  @node({ doc: 'Spend per signup.' })
  spendPerSignup(spend: Series, signups: Series): Series {
    return spend.div(signups);
  }
}

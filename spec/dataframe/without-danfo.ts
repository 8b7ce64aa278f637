/** Run by spec/dataframe/without-danfo.spec.ts with danfojs hidden: prints what each path did, as JSON. */
import { Builder, Driver, MissingPackageError, node } from 'hamilton-ts';
import { canonicalFrameType, isDataFrame, isSeries } from '../../lib/dataframe/danfo.js';

/** The app's own class that happens to share danfo's name. */
class Series {
  constructor(readonly values: readonly number[]) {}
}

class Totals {
  @node()
  total(values: Series): number {
    return values.values.reduce((a, b) => a + b, 0);
  }
}

function errorOf(run: () => unknown): { name: string; packageName?: string; message: string } | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    const e = error as Error;
    return { name: e.name, packageName: error instanceof MissingPackageError ? error.packageName : undefined, message: e.message };
  }
}

const values = new Series([1, 2, 3]);
const dict = new Builder().withModules(Totals).build().execute(['total'], { inputs: { values } });
const driverDefault = errorOf(() => new Driver({}, Totals).execute(['total'], { inputs: { values } }));
const again = errorOf(() => new Driver({}, Totals).execute(['total'], { inputs: { values } }));
console.log(
  JSON.stringify({
    dict,
    driverDefault,
    again,
    isSeries: isSeries(values),
    isDataFrame: isDataFrame({ columns: [] }),
    ownClassKept: canonicalFrameType(Series) === Series,
    danfoLoaded: Object.keys(require.cache).some((file) => file.includes('node_modules/danfojs/')),
  }),
);

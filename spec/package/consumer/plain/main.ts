/**
 * Runs in a fresh project that installed the packed hamilton-ts and nothing else (spec/package/): prints one
 * JSON report of what worked and which error each optional feature gave, for the spec to check.
 */
import * as path from 'node:path';
import { Builder, checkOutput, Driver, HamiltonError, MissingPackageError } from 'hamilton-ts';
import { Pricing } from './features.js';

interface Failure {
  readonly name: string;
  readonly isHamiltonError: boolean;
  readonly packageName?: string;
  readonly message: string;
}

function failure(error: unknown): Failure {
  const e = error as Error;
  return {
    name: e.name,
    isHamiltonError: error instanceof HamiltonError,
    packageName: error instanceof MissingPackageError ? error.packageName : undefined,
    message: e.message,
  };
}

function attempt(run: () => unknown): Failure | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return failure(error);
  }
}

async function main(): Promise<void> {
  const loadedAtImport = Object.keys(require.cache).filter((file) => file.includes(`node_modules${path.sep}`));
  const dr = new Builder().withModules(Pricing).build();
  const result = dr.execute(['gross', 'rounded'], { inputs: { net: 10, taxRate: 0.2 } });
  const dot = dr.displayAllFunctions();
  // A string where a number is declared: caught only when decorator metadata reached the package.
  const wrongInputType = attempt(() => dr.execute(['gross'], { inputs: { net: 'ten', taxRate: 0.2 } }));
  const driverDefault = attempt(() => new Driver({}, Pricing).execute(['rounded'], { inputs: { net: 10, taxRate: 0.2 } }));
  class Row {
    id = 0;
  }
  const schemaCheck = attempt(() => {
    class Checked {
      @checkOutput({ schema: Row })
      row(): Row {
        return new Row();
      }
    }
    return Checked;
  });
  const svg = await dr.displayAllFunctions({ file: path.join(__dirname, 'pricing.svg') }).then(
    () => 'no error' as const,
    (error: unknown) => failure(error),
  );
  console.log(JSON.stringify({ loadedAtImport, result, dot, wrongInputType, driverDefault, schemaCheck, svg }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

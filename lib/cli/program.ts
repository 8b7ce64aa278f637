import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerCache } from './commands/cache.js';
import { registerCatalog } from './commands/catalog.js';
import { registerLineage } from './commands/lineage.js';
import { registerValidate } from './commands/validate.js';
import { registerView } from './commands/view.js';
import { registerUi } from './commands/ui.js';
import { registerWorker } from './commands/worker.js';
import { oneLine } from './errors.js';

/** Exit code of every failure: a bad command line, a module that does not load, a failed check. */
export const FAILURE_EXIT_CODE = 2;

/** The `hamilton-ts` command line: one `register*` per command. */
export function createProgram(): Command {
  const program = new Command('hamilton-ts')
    .description('Lineage as code for hamilton-ts dataflows: pictures, lineage questions, a feature catalog, validation.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(true);
  registerView(program);
  registerLineage(program);
  registerCatalog(program);
  registerValidate(program);
  registerWorker(program);
  registerUi(program);
  registerCache(program);
  return program;
}

/**
 * Runs the command line; resolves to the exit code. Any failure is one line on stderr
 * (`hamilton-ts: <what went wrong>`) and exit code 2; help and version exit 0.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      process.stderr.write(`hamilton-ts: ${oneLine(error).replace(/^error: /, '')}\n`);
      return FAILURE_EXIT_CODE;
    }
    process.stderr.write(`hamilton-ts: ${oneLine(error)}\n`);
    return FAILURE_EXIT_CODE;
  }
}

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

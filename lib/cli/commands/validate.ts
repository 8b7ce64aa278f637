import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import { driverFor, withConfigOption, type ModuleOptions } from '../driver.js';
import { parseNames, readJsonObject } from '../options.js';

interface ValidateOptions extends ModuleOptions {
  readonly outputs: string[];
  readonly inputs?: string;
  readonly overrides?: string;
}

/** `validate <module> --outputs a,b [--inputs file.json]`: every check `execute` makes, without running a node. */
export function registerValidate(program: Command): void {
  withConfigOption(
    program
      .command('validate')
      .description('check that the outputs can be computed from the inputs and config (runs no node)')
      .argument('<module>', 'JS or TS file exporting the feature-set classes'),
  )
    .requiredOption('--outputs <names...>', 'the outputs to check (comma-separated or repeated)')
    .option('--inputs <file.json>', 'a JSON object of input values')
    .option('--overrides <file.json>', 'a JSON object of node values that replace nodes')
    .action(async (module: string, options: ValidateOptions) => {
      const outputs = parseNames(options.outputs);
      const inputs = options.inputs === undefined ? {} : readJsonObject(options.inputs);
      const overrides = options.overrides === undefined ? {} : readJsonObject(options.overrides);
      const driver = await driverFor(module, options);
      driver.validateExecution(outputs, { inputs, overrides });
      process.stdout.write(`${Messages.cli.valid(outputs)}\n`);
    });
}

import * as path from 'node:path';
import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import type { Orient } from '../../lineage/display-options.js';
import { driverFor, withConfigOption, type ModuleOptions } from '../driver.js';
import { CliUsageError } from '../errors.js';
import { parseNames, readJsonObject } from '../options.js';

interface ViewOptions extends ModuleOptions {
  readonly out: string;
  readonly outputs?: string[];
  readonly inputs?: string;
  readonly orient: Orient;
  readonly hideInputs?: boolean;
  readonly legend: boolean;
  readonly title?: string;
}

/** `view <module> --out dag.svg|dag.dot|lineage.html`: the picture of the graph, or the explorer page. */
export function registerView(program: Command): void {
  withConfigOption(
    program
      .command('view')
      .description('draw the dataflow: .dot (Graphviz text), .svg (rendered in process) or .html (the lineage explorer)')
      .argument('<module>', 'JS or TS file exporting the feature-set classes'),
  )
    .requiredOption('-o, --out <file>', 'where to write: a .dot, .svg or .html file')
    .option('--outputs <names...>', 'draw only what computing these outputs runs (comma-separated or repeated)')
    .option('--inputs <file.json>', 'with --outputs: the inputs that will be given (the others are drawn as missing)')
    .option('--orient <LR|TB|RL|BT>', 'graph direction', 'LR')
    .option('--hide-inputs', 'leave out external inputs and config')
    .option('--no-legend', 'leave out the legend')
    .option('--title <text>', 'heading of the explorer page')
    .action(async (module: string, options: ViewOptions) => {
      const extension = path.extname(options.out).toLowerCase();
      if (!['.dot', '.gv', '.svg', '.html'].includes(extension)) throw new CliUsageError(Messages.cli.unsupportedOut(options.out));
      const outputs = parseNames(options.outputs);
      if (extension === '.html' && outputs.length > 0) throw new CliUsageError(Messages.cli.explorerIsWhole);
      const driver = await driverFor(module, options);
      const display = { orient: options.orient, hideInputs: options.hideInputs ?? false, showLegend: options.legend };
      if (extension === '.html') {
        await driver.lineageExplorer({ ...display, file: options.out, title: options.title ?? `Lineage of ${path.basename(module)}` });
      } else if (outputs.length > 0) {
        const inputs = options.inputs === undefined ? {} : readJsonObject(options.inputs);
        await driver.visualizeExecution(outputs, { ...display, inputs, bypassValidation: true, file: options.out });
      } else {
        await driver.displayAllFunctions({ ...display, file: options.out });
      }
      process.stdout.write(`${Messages.cli.wrote(options.out)}\n`);
    });
}

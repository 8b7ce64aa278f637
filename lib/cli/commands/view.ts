import * as path from 'node:path';
import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import type { DisplayOptions, Orient } from '../../lineage/display-options.js';
import { tagsMatch } from '../../lineage/tag-filter.js';
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
  readonly highlight?: string;
  readonly title?: string;
}

const HIGHLIGHT_FILL = '#f4a6a6';

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
    .option('--highlight <key=value>', "fill the nodes tagged so (e.g. pii=true) in red, with a legend entry")
    .option('--title <text>', 'heading of the explorer page')
    .action(async (module: string, options: ViewOptions) => {
      const extension = path.extname(options.out).toLowerCase();
      if (!['.dot', '.gv', '.svg', '.html'].includes(extension)) throw new CliUsageError(Messages.cli.unsupportedOut(options.out));
      const outputs = parseNames(options.outputs);
      if (extension === '.html' && outputs.length > 0) throw new CliUsageError(Messages.cli.explorerIsWhole);
      const driver = await driverFor(module, options);
      const display = { orient: options.orient, hideInputs: options.hideInputs ?? false, showLegend: options.legend, ...highlight(options.highlight) };
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

/** `--highlight key=value`: a custom style filling the nodes whose tag `key` has that value (or holds it). */
function highlight(pair: string | undefined): Pick<DisplayOptions, 'customStyle' | 'customStyleLegend'> {
  if (pair === undefined) return {};
  const cut = pair.indexOf('=');
  if (cut <= 0) throw new CliUsageError(Messages.cli.badHighlight(pair));
  const query = { [pair.slice(0, cut)]: pair.slice(cut + 1) };
  return {
    customStyle: (variable) => (tagsMatch(variable.tags, query) ? { fillcolor: HIGHLIGHT_FILL, style: 'rounded,filled' } : undefined),
    customStyleLegend: pair,
  };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import type { DisplayOptions, Orient } from '../../lineage/display-options.js';
import { tagsMatch } from '../../lineage/tag-filter.js';
import { driverFor, withConfigOption, type ModuleOptions } from '../driver.js';
import { CliUsageError } from '../errors.js';
import { emit } from '../output.js';
import { renderPng } from '../png.js';
import { renderSvg } from '../../lineage/dot/svg.js';
import { parseNames, readJsonObject } from '../options.js';

interface ViewOptions extends ModuleOptions {
  readonly out?: string;
  readonly outputs?: string[];
  readonly inputs?: string;
  readonly orient: Orient;
  readonly hideInputs?: boolean;
  readonly legend: boolean;
  readonly highlight?: string;
  readonly title?: string;
}

const HIGHLIGHT_FILL = '#f4a6a6';

/** Picture formats `--out` takes, by extension. */
const FORMATS = ['.dot', '.gv', '.svg', '.png', '.html'];

/** `view <module> [--out dag.svg|dag.png|dag.dot|lineage.html]`: the picture of the graph (DOT on stdout without --out), or the explorer page. */
export function registerView(program: Command): void {
  withConfigOption(
    program
      .command('view')
      .description('draw the dataflow: DOT on stdout, or a .dot, .svg or .png file (rendered in process), or .html (the lineage explorer)')
      .argument('<module>', 'JS or TS file exporting the feature-set classes'),
  )
    .option('-o, --out <file>', 'where to write: a .dot, .svg, .png or .html file (default: DOT text on stdout)')
    .option('--outputs <names...>', 'draw only what computing these outputs runs (comma-separated or repeated)')
    .option('--inputs <file.json>', 'with --outputs: the inputs that will be given (the others are drawn as missing)')
    .option('--orient <LR|TB|RL|BT>', 'graph direction', 'LR')
    .option('--hide-inputs', 'leave out external inputs and config')
    .option('--no-legend', 'leave out the legend')
    .option('--highlight <key=value>', 'fill the nodes tagged so (e.g. pii=true) in red, with a legend entry')
    .option('--title <text>', 'heading of the explorer page')
    .action(async (module: string, options: ViewOptions) => {
      const out = options.out;
      const extension = out === undefined ? undefined : path.extname(out).toLowerCase();
      if (out !== undefined && !FORMATS.includes(extension!)) throw new CliUsageError(Messages.cli.unsupportedOut(out));
      const outputs = parseNames(options.outputs);
      if (extension === '.html' && outputs.length > 0) throw new CliUsageError(Messages.cli.explorerIsWhole);
      const driver = await driverFor(module, options);
      const display = {
        orient: options.orient,
        hideInputs: options.hideInputs ?? false,
        showLegend: options.legend,
        ...highlight(options.highlight),
      };
      if (out !== undefined && extension === '.html') {
        await driver.lineageExplorer({ ...display, file: out, title: options.title ?? `Lineage of ${path.basename(module)}` });
        process.stdout.write(`${Messages.cli.wrote(out)}\n`);
        return;
      }
      const inputs = options.inputs === undefined ? {} : readJsonObject(options.inputs);
      const dot =
        outputs.length > 0 ? driver.visualizeExecution(outputs, { ...display, inputs, bypassValidation: true }) : driver.displayAllFunctions(display);
      if (out === undefined) return emit(dot);
      await writePicture(out, extension!, dot);
      process.stdout.write(`${Messages.cli.wrote(out)}\n`);
    });
}

/** Writes the DOT text as is (.dot, .gv), rendered to SVG, or rasterised to PNG; parent folders are created. */
async function writePicture(file: string, extension: string, dot: string): Promise<void> {
  const contents = extension === '.png' ? await renderPng(dot) : extension === '.svg' ? await renderSvg(dot) : dot;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, contents);
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

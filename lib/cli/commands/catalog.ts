import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import { catalogToMarkdown } from '../../lineage/catalog/markdown.js';
import { driverFor, withConfigOption, type ModuleOptions } from '../driver.js';
import { CliUsageError } from '../errors.js';
import { emit } from '../output.js';

interface CatalogCommandOptions extends ModuleOptions {
  readonly format: string;
  readonly out?: string;
  readonly root?: string;
  readonly title?: string;
}

/** `catalog <module> [--format md|json]`: every node with its type, doc, tags, code, source line and edges. */
export function registerCatalog(program: Command): void {
  withConfigOption(
    program
      .command('catalog')
      .description('print the feature catalog: every node with its type, doc, tags, code, source line, inputs and dependents')
      .argument('<module>', 'JS or TS file exporting the feature-set classes'),
  )
    .option('-f, --format <md|json>', 'Markdown or JSON', 'md')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--root <folder>', 'source files are shown relative to this folder (default: the working directory)')
    .option('--title <text>', 'heading of the Markdown catalog', 'Feature catalog')
    .action(async (module: string, options: CatalogCommandOptions) => {
      if (options.format !== 'md' && options.format !== 'json') throw new CliUsageError(Messages.cli.badFormat(options.format));
      const driver = await driverFor(module, options);
      const catalog = driver.featureCatalog({ root: options.root });
      emit(options.format === 'json' ? `${JSON.stringify(catalog, null, 2)}\n` : catalogToMarkdown(catalog, options.title), options.out);
    });
}

import type { Command } from 'commander';
import { Messages } from '../../constants/messages.js';
import { describeType } from '../../metadata/value-types.js';
import type { Variable } from '../../lineage/variable.js';
import { driverFor, withConfigOption, type ModuleOptions } from '../driver.js';
import { CliUsageError } from '../errors.js';
import { emit } from '../output.js';
import { parseNames } from '../options.js';

interface LineageOptions extends ModuleOptions {
  readonly upstream?: string[];
  readonly downstream?: string[];
  readonly path?: string[];
  readonly json?: boolean;
}

/** `lineage <module> --upstream X | --downstream X | --path A B [--json]`. */
export function registerLineage(program: Command): void {
  withConfigOption(
    program
      .command('lineage')
      .description('answer a lineage question: what a node depends on, what depends on it, or how two nodes connect')
      .argument('<module>', 'JS or TS file exporting the feature-set classes'),
  )
    .option('--upstream <names...>', 'the nodes these depend on (inclusive)')
    .option('--downstream <names...>', 'the nodes that depend on these (inclusive)')
    .option('--path <from-to...>', 'the nodes on the paths from the first node to the second')
    .option('--json', 'print JSON instead of a table')
    .action(async (module: string, options: LineageOptions) => {
      const asked = [options.upstream, options.downstream, options.path].filter((o) => o !== undefined);
      if (asked.length !== 1) throw new CliUsageError(Messages.cli.oneLineageQuery);
      const pathNames = options.path === undefined ? undefined : parseNames(options.path);
      if (pathNames !== undefined && pathNames.length !== 2) throw new CliUsageError(Messages.cli.pathNeedsTwo(pathNames.length));
      const driver = await driverFor(module, options);
      const variables = pathNames
        ? driver.whatIsThePathBetween(pathNames[0], pathNames[1])
        : options.upstream
          ? driver.whatIsUpstreamOf(...parseNames(options.upstream))
          : driver.whatIsDownstreamOf(...parseNames(options.downstream));
      if (pathNames && variables.length === 0) throw new CliUsageError(Messages.lineage.noPath(pathNames[0], pathNames[1]));
      const sorted = [...variables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      emit(options.json ? JSON.stringify(sorted.map(plain), null, 2) : table(sorted));
    });
}

/** A Variable as JSON: its type as a name. */
function plain(variable: Variable) {
  return { ...variable, type: describeType(variable.type) };
}

function table(variables: readonly Variable[]): string {
  const rows = [
    ['node', 'type', 'external', 'defined by'],
    ...variables.map((v) => [
      v.name,
      describeType(v.type),
      v.isExternalInput ? 'yes' : 'no',
      v.isExternalInput ? '' : v.originatingFunctions.join(', '),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

import type { Command } from 'commander';
import { Builder } from '../driver/builder.js';
import type { Driver } from '../driver/driver.js';
import { loadFeatureSets } from './load-module.js';
import { parseConfig } from './options.js';

/** Options every command that builds a driver takes. */
export interface ModuleOptions {
  readonly config?: string[];
}

/** Adds `--config k=v ...` to a command. */
export function withConfigOption(command: Command): Command {
  return command.option('-c, --config <key=value...>', 'driver config (repeatable; JSON values such as 4 or true are parsed)');
}

/**
 * A driver over every class the module exports, with the command line's config. The commands describe and
 * check the graph but never run a node, so each feature set is an instance made without running its
 * constructor: classes that need clients (a database, a model) are described offline, and nothing is opened.
 */
export async function driverFor(module: string, options: ModuleOptions): Promise<Driver<Record<string, unknown>>> {
  const classes = await loadFeatureSets(module);
  const instances = classes.map((cls) => Object.create((cls as { prototype: object }).prototype) as object);
  return new Builder()
    .withConfig(parseConfig(options.config))
    .withModules(...instances)
    .build();
}

import type { Command } from 'commander';
import { UiMessages } from '../../ui/messages.js';
import { startUi } from '../../ui/server.js';
import { CliUsageError } from '../errors.js';

interface UiCommandOptions {
  readonly store: string;
  readonly port: string;
  readonly host: string;
}

/** `ui --store <folder|file|url> [--port n] [--host h]`: serves the runs UI until Ctrl+C (or SIGTERM). */
export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('serve the runs UI over a store the cache and the RunTracker write: projects, runs, nodes, diffs, sources')
    .requiredOption(
      '-s, --store <path|url>',
      'the store: its folder (as given to withCache / SQLiteStore), its hamilton.sqlite file, or a postgres:// URL',
    )
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '8241')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: UiCommandOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new CliUsageError(UiMessages.badPort(options.port));
      const ui = await startUi({ store: options.store, port, host: options.host });
      process.stdout.write(`${UiMessages.listening(ui.url, ui.file)}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void ui.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

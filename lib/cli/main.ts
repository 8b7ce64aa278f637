#!/usr/bin/env node
/**
 * `npx hamilton-ts <command>`: view, lineage, catalog, validate. See `npx hamilton-ts --help`.
 */
import 'reflect-metadata';
import { runCli } from './program.js';

void runCli(process.argv.slice(2)).then((code) => {
  // Exit once stdout has been handed everything, even if a loaded module keeps handles open.
  process.stdout.write('', () => process.exit(code));
});

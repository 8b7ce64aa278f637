import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Messages } from '../constants/messages.js';
import { CliUsageError } from './errors.js';

const TYPESCRIPT = /\.[cm]?tsx?$/i;
let tsNodeRegistered = false;

/**
 * The feature-set classes a module file exports: every exported class (a default export too). A `.ts` file
 * is compiled on the fly by ts-node (found next to the module first, then next to hamilton-ts), with
 * decorator metadata on and type checking off, as the drivers need; `.js`/`.cjs` files are required and
 * ES modules imported.
 */
export async function loadFeatureSets(file: string): Promise<Function[]> {
  const full = path.resolve(file);
  if (!existsSync(full)) throw new CliUsageError(Messages.cli.moduleNotFound(file));
  if (TYPESCRIPT.test(full)) registerTsNode(file, full);
  let exports: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the user's module, by a path known only at run time
    exports = require(full);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') {
      throw new CliUsageError(Messages.cli.moduleFailed(file, describe(error)), { cause: error });
    }
    try {
      exports = await import(pathToFileURL(full).href);
    } catch (importError) {
      throw new CliUsageError(Messages.cli.moduleFailed(file, describe(importError)), { cause: importError });
    }
  }
  const classes = exportedClasses(exports);
  if (classes.length === 0) throw new CliUsageError(Messages.cli.noFeatureSets(file));
  return classes;
}

/** Every class among a module's exports, once each, in export order. */
export function exportedClasses(exports: unknown): Function[] {
  const found = new Set<Function>();
  const consider = (value: unknown) => {
    if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))) found.add(value);
  };
  consider(exports);
  if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
    for (const key of Object.keys(exports)) {
      const descriptor = Object.getOwnPropertyDescriptor(exports, key);
      if (descriptor && 'value' in descriptor) consider(descriptor.value);
      else if (descriptor?.get && key !== '__esModule') consider((exports as Record<string, unknown>)[key]);
    }
  }
  return [...found];
}

function registerTsNode(file: string, full: string): void {
  if (tsNodeRegistered) return;
  let tsNode: string;
  try {
    tsNode = require.resolve('ts-node', { paths: [path.dirname(full), __dirname] });
  } catch {
    throw new CliUsageError(Messages.cli.needsTsNode(file));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ts-node is found at run time, next to the user's module
  const { register } = require(tsNode) as { register: (options: object) => unknown };
  register({
    transpileOnly: true,
    projectSearchDir: path.dirname(full),
    compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true },
  });
  tsNodeRegistered = true;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

import { HamiltonError } from '../../errors/index.js';
import { moduleFileExporting } from '../../metadata/module-file.js';
import { WorkerPoolMessages } from './messages.js';

/**
 * A feature set named so another thread can load it: the module file exporting it and the name it is
 * exported under (the class's name when the module's exports, or its default export, are the class). The
 * same shape as the remote executor's `FeatureSetRef`. Named by export, not by class name, so a class
 * exported under another name (`export { Spend as Marketing }`) or two classes of one name in two files work.
 */
export interface FeatureSetRef {
  readonly export: string;
  readonly module: string;
}

/** Names a feature-set class by where it is exported; a class no loaded module exports is a HamiltonError. */
export function featureSetRef(cls: Function): FeatureSetRef {
  const module = moduleFileExporting(cls);
  const exports = module === undefined ? undefined : (require.cache[module]?.exports as unknown);
  const name = exports === cls ? cls.name : exportName(exports, cls);
  if (module === undefined || name === undefined) throw new HamiltonError(WorkerPoolMessages.notExported(cls.name || '(anonymous class)'));
  return { export: name, module };
}

/** moduleFileExporting read this module's exports (getters included) to find the class, so reading them again is safe. */
function exportName(exports: unknown, cls: Function): string | undefined {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return undefined;
  const key = Object.keys(exports).find((k) => (exports as Record<string, unknown>)[k] === cls);
  return key === 'default' ? cls.name : key;
}

/** Loads the class a `FeatureSetRef` names, in this thread. */
export function loadFeatureSet(ref: FeatureSetRef): new () => object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the feature set's module, by a path known only at run time
  const exports = require(ref.module) as Record<string, unknown> | Function;
  const candidates = [(exports as Record<string, unknown>)[ref.export], exports, (exports as Record<string, unknown>).default];
  const cls = candidates.find((c, i) => typeof c === 'function' && (i === 0 || c.name === ref.export));
  if (cls === undefined) throw new HamiltonError(WorkerPoolMessages.exportGone(ref.module, ref.export));
  return cls as new () => object;
}

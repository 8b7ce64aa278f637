import { HamiltonError } from '../../errors/index.js';
import { moduleFileExporting } from '../../metadata/module-file.js';
import { WorkerPoolMessages } from './messages.js';

/**
 * A feature set named so another thread can load it: the module file and the export holding the class
 * (`undefined`: the module's exports are the class itself). Named by export, not by class name, so a class
 * exported under another name (`export { Spend as Marketing }`) or two classes of one name in two files work.
 */
export interface FeatureSetRef {
  readonly file: string;
  readonly export: string | undefined;
}

/** Names a feature-set class by where it is exported; a class no loaded module exports is a HamiltonError. */
export function featureSetRef(cls: Function): FeatureSetRef {
  const file = moduleFileExporting(cls);
  const exports = file === undefined ? undefined : (require.cache[file]?.exports as unknown);
  if (file === undefined || exports === undefined) throw new HamiltonError(WorkerPoolMessages.notExported(cls.name || '(anonymous class)'));
  if (exports === cls) return { file, export: undefined };
  const names = Object.keys(exports as object);
  // moduleFileExporting read this module's exports (getters included) to find the class, so reading them again is safe.
  const name = names.find((key) => (exports as Record<string, unknown>)[key] === cls);
  if (name === undefined) throw new HamiltonError(WorkerPoolMessages.notExported(cls.name || '(anonymous class)'));
  return { file, export: name };
}

/** Loads the class a `FeatureSetRef` names, in this thread. */
export function loadFeatureSet(ref: FeatureSetRef): new () => object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(ref.file) as Record<string, unknown>;
  const cls = ref.export === undefined ? exports : exports[ref.export];
  if (typeof cls !== 'function') throw new HamiltonError(WorkerPoolMessages.exportGone(ref.file, ref.export ?? 'module.exports'));
  return cls as new () => object;
}

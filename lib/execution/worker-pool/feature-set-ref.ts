import { HamiltonError } from '../../errors/index.js';
import { featureSetRef, type FeatureSetRef } from '../../metadata/module-file.js';
import { WorkerPoolMessages } from './messages.js';

/** A feature set a thread can load: named by `{ module, export }` (lib/metadata/module-file.ts), module known. */
export type ThreadFeatureSet = Required<FeatureSetRef>;

/** Names a feature-set class for the threads; a class no loaded module exports is a HamiltonError. */
export function threadFeatureSet(cls: Function): ThreadFeatureSet {
  const ref = featureSetRef(cls);
  if (ref.module === undefined) throw new HamiltonError(WorkerPoolMessages.notExported(cls.name || '(anonymous class)'));
  return { export: ref.export, module: ref.module };
}

/** Loads the class a `FeatureSetRef` names, in this thread. */
export function loadFeatureSet(ref: ThreadFeatureSet): new () => object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the feature set's module, by a path known only at run time
  const exports = require(ref.module) as Record<string, unknown> | Function;
  const candidates = [(exports as Record<string, unknown>)[ref.export], exports, (exports as Record<string, unknown>).default];
  const cls = candidates.find((c, i) => typeof c === 'function' && (i === 0 || c.name === ref.export));
  if (cls === undefined) throw new HamiltonError(WorkerPoolMessages.exportGone(ref.module, ref.export));
  return cls as new () => object;
}

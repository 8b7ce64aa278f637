import * as path from 'node:path';

/**
 * The file of the loaded CommonJS module that exports `cls` (as `module.exports` or one of its named
 * exports), or `undefined`. Executors that leave this thread load feature sets again from these files.
 * Packages under node_modules are skipped: feature sets are the project's own, and reading a package's
 * export getters can have side effects.
 */
export function moduleFileExporting(cls: Function): string | undefined {
  for (const loaded of Object.values(require.cache)) {
    if (!loaded || loaded.filename.includes(`${path.sep}node_modules${path.sep}`)) continue;
    if (exportsHold(loaded.exports, cls, true)) return loaded.filename;
  }
  return undefined;
}

/**
 * Whether a module's exports hold the class, directly or as a named export. Getters (TypeScript's CommonJS
 * re-exports) are read only when `readGetters` says the module is known to be the project's own.
 */
export function exportsHold(exports: unknown, cls: Function, readGetters = false): boolean {
  if (exports === cls) return true;
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return false;
  for (const key of Object.keys(exports)) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    if (!descriptor) continue;
    const value: unknown = 'value' in descriptor ? descriptor.value : readGetters ? descriptor.get?.call(exports) : undefined;
    if (value === cls) return true;
  }
  return false;
}

/**
 * A feature-set class named so another thread, process or tool can find it: the name it is exported under and
 * the module file exporting it (absent when no loaded module of the project exports it). Worker threads, BullMQ
 * workers and the catalog all name feature sets this way.
 */
export interface FeatureSetRef {
  readonly export: string;
  readonly module?: string;
}

/** Names a feature-set class by where it is exported (`export { Spend as Marketing }` gives `Marketing`). */
export function featureSetRef(cls: Function): FeatureSetRef {
  const module = moduleFileExporting(cls);
  if (module === undefined) return { export: cls.name };
  return { export: exportNameOf(require.cache[module]?.exports, cls) ?? cls.name, module };
}

/** The key a module exports a class under (its own name for `module.exports = cls` or a default export). */
function exportNameOf(exports: unknown, cls: Function): string | undefined {
  if (exports === cls) return cls.name;
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return undefined;
  for (const key of Object.keys(exports)) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    // Getters are read: moduleFileExporting found the class in this module, so it is the project's own.
    const value: unknown = descriptor && ('value' in descriptor ? descriptor.value : descriptor.get?.call(exports));
    if (value === cls) return key === 'default' ? cls.name : key;
  }
  return undefined;
}

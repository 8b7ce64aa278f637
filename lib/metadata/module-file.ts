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

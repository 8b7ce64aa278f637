import { DESIGN_PARAM_TYPES } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';

/** Shared by every copy of the package loaded in the process, so the warning is given once in all. */
const WARNED = Symbol.for('hamilton-ts:type-metadata-warned');

type GlobalWithFlag = typeof globalThis & { [WARNED]?: boolean };

/** Set in the environment of the worker threads a driver starts after the warning: they rebuild the same graph. */
export const TYPE_METADATA_WARNED_ENV = 'HAMILTON_TS_TYPE_METADATA_WARNED';

/** Whether this process (or the driver that started this thread) has given the warning. */
export function typeMetadataWarned(): boolean {
  return (globalThis as GlobalWithFlag)[WARNED] === true || process.env[TYPE_METADATA_WARNED_ENV] === '1';
}

/**
 * Warns once per process that decorator type metadata is missing, and what is not checked as a result.
 * TypeScript gives a decorated method `design:paramtypes` only with `experimentalDecorators` and
 * `emitDecoratorMetadata`, compiled by tsc (or ts-node, swc); standard (TC39) decorators never get it, and
 * type-stripping runners (tsx, esbuild) drop it. Everything runs without it, but types go unchecked.
 */
export function warnIfNoTypeMetadata(where: string, standard: boolean, prototype?: object, member?: string | symbol): void {
  const flagHolder = globalThis as GlobalWithFlag;
  if (typeMetadataWarned()) return;
  if (!standard && prototype !== undefined && member !== undefined && hasParameterTypes(prototype, member)) return;
  flagHolder[WARNED] = true;
  // console.warn, not the validation logger: a one-off note to the developer, not a data-quality event.
  console.warn(Messages.typeMetadataMissing(where, standard));
}

function hasParameterTypes(prototype: object, member: string | symbol): boolean {
  // Without reflect-metadata loaded, TypeScript's emitted `__metadata` calls record nothing either.
  const reflect = Reflect as typeof Reflect & { getOwnMetadata?: (key: string, target: object, member: string | symbol) => unknown };
  return typeof reflect.getOwnMetadata === 'function' && reflect.getOwnMetadata(DESIGN_PARAM_TYPES, prototype, member) !== undefined;
}

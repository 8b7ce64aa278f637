import { arrowClassKind, isArrowVector } from '../dataframe/arrow.js';
import { danfo, frameClasses, isDataFrame, isSeries } from '../dataframe/danfo.js';
import type { NodeType } from '../metadata/value-types.js';

/**
 * What a checked value is, as far as checks care: they are defined per kind (a range makes sense for a
 * number or a Series, not for a string). `missing` is null or undefined.
 */
export type ValueKind = 'series' | 'frame' | 'array' | 'number' | 'string' | 'boolean' | 'object' | 'other' | 'missing';

/** Kinds holding a sequence of values (checked value by value). */
export const SEQUENCE_KINDS: readonly ValueKind[] = ['series', 'array'];

// The common base of Float64Array, Int32Array...: typed arrays are sequences of numbers too.
const TypedArray = Object.getPrototypeOf(Int8Array) as Function;

// Constructors whose values are primitives or functions, not objects with fields.
const NOT_OBJECTS = new Set<Function>([BigInt, Symbol, Function]);

/** The kind of values a declared type promises; `undefined` when the type is unknown (decided at run time). */
export function kindOfType(type: NodeType): ValueKind | undefined {
  if (type === undefined) return undefined;
  if (type === Number) return 'number';
  if (type === String) return 'string';
  if (type === Boolean) return 'boolean';
  if (type === Array || type.prototype instanceof Array || type.prototype instanceof TypedArray) return 'array';
  if (arrowClassKind(type) === 'Vector') return 'array';
  if (NOT_OBJECTS.has(type)) return 'other';
  // Only a class named like danfo's can be one; comparing otherwise would load danfo for nothing.
  if (isFrameName(type)) {
    if (type === frameClasses().Series || type.prototype instanceof frameClasses().Series) return 'series';
    if (type === frameClasses().DataFrame || type.prototype instanceof frameClasses().DataFrame) return 'frame';
  }
  return 'object';
}

/** The kind of a produced value. */
export function kindOfValue(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'missing';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      if (Array.isArray(value) || value instanceof TypedArray || isArrowVector(value)) return 'array';
      if (isFrameName(value.constructor)) {
        if (isSeries(value)) return 'series';
        if (isDataFrame(value)) return 'frame';
      }
      return 'object';
    default:
      return 'other';
  }
}

/**
 * The constructor a user's `appliesTo` is asked about for a produced value: danfo values are given as the
 * classes `danfojs` exports (not the root classes its operations return), primitives as `Number`, `String`...
 */
export function publicTypeOfValue(value: unknown, kind: ValueKind): Function | undefined {
  if (kind === 'series') return danfo().Series;
  if (kind === 'frame') return danfo().DataFrame;
  if (kind === 'missing') return undefined;
  return (Object(value) as object).constructor;
}

/** The constructor a user's `appliesTo` is asked about for a declared type (see {@link publicTypeOfValue}). */
export function publicType(type: Function, kind: ValueKind): Function {
  if (kind === 'series') return danfo().Series;
  if (kind === 'frame') return danfo().DataFrame;
  return type;
}

function isFrameName(type: unknown): type is Function {
  return typeof type === 'function' && (type.name === 'Series' || type.name === 'DataFrame');
}

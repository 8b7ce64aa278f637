import { arrowClassKind, describeArrowValue, isArrowTable, isArrowVector } from '../dataframe/arrow.js';
import { canonicalFrameType } from '../dataframe/danfo.js';
import type { Constructor } from '../metadata/registry.js';

/**
 * Types as TypeScript's decorator metadata gives them: a constructor, or `undefined` when unknown.
 * `Object` (interfaces, unions, `any`), `Promise` (async methods) and `undefined` (`void`) say nothing.
 */
export type NodeType = Constructor | undefined;

/** Normalizes a metadata type: whatever says nothing becomes `undefined`. */
export function knownType(type: unknown): NodeType {
  if (typeof type !== 'function' || type === Object || type === Promise) return undefined;
  return canonicalFrameType(type) as Constructor;
}

/**
 * An edge fits when either side is unknown, both are equal, the producer subclasses the parameter's type, or
 * both are Arrow's Vector (or Table) from two copies of apache-arrow.
 */
export function typesMatch(parameterType: NodeType, producerType: NodeType): boolean {
  if (parameterType === undefined || producerType === undefined || parameterType === producerType) return true;
  if (producerType.prototype instanceof parameterType) return true;
  const arrowKind = arrowClassKind(parameterType);
  return arrowKind !== undefined && arrowKind === arrowClassKind(producerType);
}

// The common base of Float64Array, Int32Array...
const TypedArray = Object.getPrototypeOf(Int8Array) as Function;

/** Whether a declared type is a typed array class (`Float64Array`, `Int32Array`...). */
export function isTypedArrayType(type: NodeType): boolean {
  return type !== undefined && type.prototype instanceof TypedArray;
}

/** The tighter of two compatible types, or `null` when they conflict. */
export function narrowerType(a: NodeType, b: NodeType): NodeType | null {
  if (a === undefined || typesMatch(a, b)) return b ?? a;
  if (typesMatch(b, a)) return a;
  return null;
}

const PRIMITIVES = new Map<Function, string>([
  [Number, 'number'],
  [String, 'string'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
  [Function, 'function'],
]);

/** Whether values of this type can have named fields (not primitives, functions or arrays). */
export function isRecordType(type: NodeType): boolean {
  return type === undefined || (!PRIMITIVES.has(type) && type !== Array);
}

/** Whether a runtime value fits a declared type (`null`/`undefined` always do, as `None` does in Hamilton). */
export function valueMatchesType(type: NodeType, value: unknown): boolean {
  if (type === undefined || value === null || value === undefined) return true;
  const primitive = PRIMITIVES.get(type);
  if (primitive !== undefined) return typeof value === primitive || value instanceof type;
  if (type === Array) return Array.isArray(value);
  return value instanceof type || matchesAcrossCopies(type, value);
}

/**
 * The slow path, for values `instanceof` refused: a typed array from another realm (a vm context) has its
 * class's tag, and an Arrow vector or table from another copy of apache-arrow has Arrow's shape.
 */
function matchesAcrossCopies(type: Function, value: unknown): boolean {
  if (typeof value !== 'object') return false;
  if (type.prototype instanceof TypedArray) return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${type.name}]`;
  const arrowKind = arrowClassKind(type);
  if (arrowKind === 'Vector') return isArrowVector(value);
  if (arrowKind === 'Table') return isArrowTable(value);
  return false;
}

/** `number`, `Series`, `unknown`: a type as a person reads it. */
export function describeType(type: NodeType): string {
  if (type === undefined) return 'unknown';
  return PRIMITIVES.get(type) ?? type.name;
}

/** A short description of a value for error messages, never its whole contents. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'string':
      return value.length > 30 ? `string '${value.slice(0, 27)}...'` : `string '${value}'`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'function':
      return `function ${value.name || '(anonymous)'}`;
    case 'object': {
      if (Array.isArray(value)) return `Array(${value.length})`;
      if (ArrayBuffer.isView(value) && !(value instanceof DataView))
        return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
      if (isArrowVector(value) || isArrowTable(value)) return describeArrowValue(value);
      const name = value.constructor?.name ?? 'Object';
      const shape = (value as { shape?: unknown }).shape;
      return Array.isArray(shape) ? `${name}(${shape.join('x')})` : name;
    }
    default:
      return typeof value;
  }
}

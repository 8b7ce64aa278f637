import { deserialize, serialize } from 'node:v8';
import { frameFromTransfer, frameToTransfer, type FrameTransfer } from '../../dataframe/transfer.js';
import { HamiltonError } from '../../errors/index.js';
import { RemoteMessages } from './messages.js';

/**
 * Values crossing to and from BullMQ workers: V8 serialisation (what structured clone keeps: NaN, -0,
 * undefined, Dates, Maps, Sets, bigints, typed arrays, cycles), base64 in the job's JSON. V8 would silently
 * turn a class instance into a plain object and drop symbol keys, so values are checked first and what cannot
 * travel is a HamiltonError naming the node and the path inside the value. danfo frames travel as plain data
 * (lib/dataframe/transfer.ts) under a marker key and are rebuilt on arrival.
 */
const FRAME = '@hamilton-ts/frame';
const PLAIN = 0;
const WITH_FRAMES = 1;

/** Encodes values by node name; throws a HamiltonError naming the node when one cannot travel. */
export function encodeValues(values: Readonly<Record<string, unknown>>): string {
  let frames = false;
  for (const [node, value] of Object.entries(values)) frames = check(value, node, '', new Set()) || frames;
  const sent = frames ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, withMarkers(v, new Map())])) : values;
  const body = serialize(sent);
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = frames ? WITH_FRAMES : PLAIN;
  body.copy(out, 1);
  return out.toString('base64');
}

/** The values `encodeValues` encoded, frames rebuilt. */
export function decodeValues(encoded: string): Record<string, unknown> {
  const bytes = Buffer.from(encoded, 'base64');
  const values = deserialize(bytes.subarray(1)) as Record<string, unknown>;
  if (bytes[0] !== WITH_FRAMES) return values;
  const revived = new Map<object, unknown>();
  for (const key of Object.keys(values)) values[key] = revive(values[key], revived);
  return values;
}

const BUILT_IN = new Set<object | null>([
  Object.prototype,
  null,
  Array.prototype,
  Date.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  ArrayBuffer.prototype,
  Number.prototype,
  String.prototype,
  Boolean.prototype,
  BigInt.prototype,
  Error.prototype,
  EvalError.prototype,
  RangeError.prototype,
  ReferenceError.prototype,
  SyntaxError.prototype,
  TypeError.prototype,
  URIError.prototype,
]);

/** Throws when the value cannot travel; says whether it holds a danfo frame (then markers are needed). */
function check(value: unknown, node: string, path: string, seen: Set<object>): boolean {
  if (typeof value === 'function') throw cannot(node, path, `a function (${value.name || 'anonymous'})`);
  if (typeof value === 'symbol') throw cannot(node, path, `a symbol (${value.toString()})`);
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (!BUILT_IN.has(proto)) {
    if (frameToTransfer(value) !== undefined) return true;
    const name = (proto as { constructor?: { name?: string } } | null)?.constructor?.name || 'an anonymous class';
    throw cannot(node, path, `an instance of ${name} (its prototype and methods would be lost)`);
  }
  const symbols = Object.getOwnPropertySymbols(value);
  if (symbols.length > 0) throw cannot(node, path, `an object with a symbol key (${symbols[0].toString()}), which would be dropped`);
  let frames = false;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      frames = check(k, node, `${path}<Map key>`, seen) || frames;
      frames = check(v, node, `${path}.get(${describeKey(k)})`, seen) || frames;
    }
  } else if (value instanceof Set) {
    for (const v of value) frames = check(v, node, `${path}<Set item>`, seen) || frames;
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) frames = check(value[i], node, `${path}[${i}]`, seen) || frames;
  } else if (proto === Object.prototype || proto === null) {
    for (const key of Object.keys(value)) {
      frames = check((value as Record<string, unknown>)[key], node, `${path}${propertyPath(key)}`, seen) || frames;
    }
  }
  return frames;
}

/** A copy with every frame replaced by its marker (only built when some frame is present). */
function withMarkers(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (copies.has(value)) return copies.get(value);
  const frame = frameToTransfer(value);
  if (frame !== undefined) {
    const marker = { [FRAME]: frame };
    copies.set(value, marker);
    return marker;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    copies.set(value, copy);
    for (const [k, v] of value) copy.set(withMarkers(k, copies), withMarkers(v, copies));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    copies.set(value, copy);
    for (const v of value) copy.add(withMarkers(v, copies));
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    copies.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = withMarkers(value[i], copies);
    return copy;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) return value; // Date, RegExp, Error, boxed primitives
  const copy: Record<string, unknown> = Object.create(proto) as Record<string, unknown>;
  copies.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = withMarkers((value as Record<string, unknown>)[key], copies);
  return copy;
}

/** Rebuilds frames from their markers, in place (the decoded value is this process's own). */
function revive(value: unknown, revived: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (revived.has(value)) return revived.get(value); // a shared marker becomes one shared frame
  if (Object.prototype.hasOwnProperty.call(value, FRAME)) {
    const frame = frameFromTransfer((value as Record<string, FrameTransfer>)[FRAME]);
    revived.set(value, frame);
    return frame;
  }
  revived.set(value, value);
  if (value instanceof Map) {
    for (const [k, v] of [...value]) {
      const key = revive(k, revived);
      if (key !== k) value.delete(k);
      value.set(key, revive(v, revived));
    }
  } else if (value instanceof Set) {
    const items = [...value];
    value.clear();
    for (const v of items) value.add(revive(v, revived));
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], revived);
  } else {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) return value;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key], revived);
  }
  return value;
}

/** A value that cannot travel; `node` names whose value it is. */
export class ValueTravelError extends HamiltonError {
  constructor(
    readonly node: string,
    readonly path: string,
    what: string,
  ) {
    super(RemoteMessages.cannotTravel(node, path, what));
  }
}

function cannot(node: string, path: string, what: string): ValueTravelError {
  return new ValueTravelError(node, path, what);
}

function propertyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function describeKey(key: unknown): string {
  if (typeof key === 'string') return JSON.stringify(key);
  if (typeof key === 'object' && key !== null) return Object.prototype.toString.call(key);
  return String(key);
}

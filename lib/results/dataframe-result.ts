import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { danfo, isDataFrame, isSeries, type DanfoModule, type DataFrame } from '../dataframe/danfo.js';
import type { ResultBuilder } from './result-builder.js';

type Label = string | number;

/** A column on its way into the frame: a vector (with its index, if labelled) or a scalar to broadcast. */
type Column =
  | { readonly kind: 'vector'; readonly values: readonly unknown[]; readonly index?: readonly Label[]; readonly source: string }
  | { readonly kind: 'scalar'; readonly value: unknown; readonly source: string };

/**
 * Builds a danfo DataFrame (the `Driver` default): Series become columns aligned on their index, DataFrame
 * outputs contribute their columns, arrays must match the frame's length, scalars are broadcast; only
 * scalars make a one-row frame. A single requested DataFrame is returned as it is.
 */
export class DataFrameResult implements ResultBuilder<DataFrame> {
  build(outputs: Record<string, unknown>): DataFrame {
    const d = danfo();
    const names = Object.keys(outputs);
    if (names.length === 1 && isDataFrame(outputs[names[0]])) return outputs[names[0]] as DataFrame;

    const columns = new Map<string, Column>();
    const add = (name: string, column: Column) => {
      const existing = columns.get(name);
      if (existing) throw new HamiltonError(Messages.columnCollision(name, existing.source, column.source));
      columns.set(name, column);
    };
    for (const name of names) {
      const value = outputs[name];
      const source = `output '${name}'`;
      if (isDataFrame(value)) {
        const index = value.index as Label[];
        for (const column of value.columns) {
          add(column, { kind: 'vector', values: value.column(column).values, index, source });
        }
      } else if (isSeries(value)) {
        add(name, { kind: 'vector', values: value.values, index: value.index, source });
      } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
        add(name, { kind: 'vector', values: Array.from(value as ArrayLike<unknown>), source });
      } else if (isScalar(value)) {
        add(name, { kind: 'scalar', value, source });
      } else {
        throw new HamiltonError(Messages.unbuildableFrame(name, kindOf(value as object)));
      }
    }
    return frameOf(d, columns);
  }
}

/** What an object is, for an error: its class's name, or what it is when its class has none. */
function kindOf(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return 'an object without a prototype (Object.create(null))';
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === 'string' && name.length > 0) return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  return 'an instance of an anonymous class';
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object' || value instanceof Date;
}

type Vector = Extract<Column, { kind: 'vector' }>;

function frameOf(d: DanfoModule, columns: ReadonlyMap<string, Column>): DataFrame {
  const vectors = [...columns.values()].filter((c): c is Vector => c.kind === 'vector');
  const data: Record<string, unknown[]> = {};
  // danfo cannot build a frame from an empty object, but can from an empty list.
  if (columns.size === 0) return new d.DataFrame([]);
  if (vectors.length === 0) {
    for (const [name, column] of columns) data[name] = [(column as { value: unknown }).value];
    return new d.DataFrame(data);
  }
  const { index, alike } = frameIndex(vectors);
  for (const [name, column] of columns) {
    if (column.kind === 'scalar') data[name] = new Array(index.length).fill(column.value);
    else if (column.index && !alike.has(column.index) && !sameLabels(column.index, index)) data[name] = aligned(column, index);
    else if (column.values.length !== index.length) {
      throw new HamiltonError(Messages.lengthMismatch(name, column.values.length, index.length));
    } else data[name] = column.values as unknown[];
  }
  return new d.DataFrame(data, { index: index as string[] });
}

/**
 * The frame's index, as pandas builds it from Series (an outer join): the columns' common index as it is, or
 * the union of their labels, sorted (numbers by value, strings by code point); labels of mixed kinds cannot be
 * ordered and keep their order of first appearance.
 */
function frameIndex(vectors: readonly Vector[]): { index: readonly Label[]; alike: ReadonlySet<readonly Label[]> } {
  const indexes = vectors.flatMap((c) => (c.index ? [c.index] : []));
  if (indexes.length === 0) return { index: vectors[0].values.map((_, i) => i), alike: new Set() };
  // Each index array is compared once: columns share arrays (a window keeps its input's), and once apache-arrow
  // is loaded danfo's copies are dictionary-mode arrays (see README, Performance), slow to read.
  const alike = new Set<readonly Label[]>([indexes[0]]);
  let allAlike = true;
  for (const index of indexes) {
    if (alike.has(index)) continue;
    if (sameLabels(index, indexes[0])) alike.add(index);
    else allAlike = false;
  }
  if (allAlike) return { index: indexes[0], alike };
  const union = new Set<Label>();
  for (const index of indexes) for (const label of index) union.add(label);
  return { index: sortedLikePandas([...union]), alike: new Set() };
}

function sortedLikePandas(labels: Label[]): Label[] {
  if (labels.every((label) => typeof label === 'number' && !Number.isNaN(label))) return labels.sort((a, b) => (a as number) - (b as number));
  if (labels.every((label) => typeof label === 'string')) return labels.sort(byCodePoint);
  return labels;
}

/** Python's string order (code points), which UTF-16 `<` differs from beyond the Basic Multilingual Plane. */
function byCodePoint(a: Label, b: Label): number {
  const [x, y] = [Array.from(a as string), Array.from(b as string)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

function sameLabels(a: readonly Label[], b: readonly Label[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A column's values placed at the frame index's labels; NaN where the column has no such label. */
function aligned(column: Vector, index: readonly Label[]): unknown[] {
  const position = new Map<Label, number>();
  column.index!.forEach((label, i) => position.has(label) || position.set(label, i));
  return index.map((label) => {
    const i = position.get(label);
    return i === undefined ? NaN : column.values[i];
  });
}

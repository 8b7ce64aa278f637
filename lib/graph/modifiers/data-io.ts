import {
  DATA_LOADER_KIND_TAG,
  DATA_LOADER_SOURCE_TAG,
  DATA_LOADER_TAG,
  DATA_SAVER_KIND_TAG,
  DATA_SAVER_SINK_TAG,
  DATA_SAVER_TAG,
  LOADER_SUFFIX,
} from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import type { SourceRef, ValueRef } from '../../decorators/refs.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import { describeValue, type NodeType } from '../../metadata/value-types.js';
import type { Dependency, NodeDefinition, Tags } from '../node.js';
import { isThenable } from '../../metadata/thenable.js';

/**
 * The graph side of loaders and savers: how a load or save becomes nodes. The kinds themselves (CSV, Parquet,
 * ...) live in `lib/io/`, above the graph; a decorator or a materializer hands the graph a ready `LoadCall` or
 * `SaveCall`, so nothing here knows a file format.
 */

/** Arguments of a load or save, each a literal (`value(x)`) or another node's value (`source('name')`). */
export type IoBindings = Readonly<Record<string, ValueRef | SourceRef>>;

/** Runs one load with its arguments resolved; returns `[data, metadata]`, or a promise of it. */
export type LoadCall = (args: Record<string, unknown>, node: string) => unknown;

/** Runs one save with its arguments resolved; returns the metadata, or a promise of it. */
export type SaveCall = (data: unknown, args: Record<string, unknown>, node: string) => unknown;

/** A load as the graph sees it. */
export interface LoadSpec {
  readonly kind: string;
  readonly bindings: IoBindings;
  readonly load: LoadCall;
  /** What the load reads (a path, a table), for the node's source tag; `undefined` when only known at run time. */
  readonly source?: string;
}

/** A save as the graph sees it. */
export interface SaveSpec {
  readonly kind: string;
  readonly bindings: IoBindings;
  readonly save: SaveCall;
  /** Where the save writes, for the node's sink tag. */
  readonly sink?: string;
}

/** Where the nodes come from: `Class.method` (or the materializer) and the feature set. */
export interface IoOrigin {
  readonly originatingFunctions: readonly string[];
  readonly featureSet: string;
  readonly doc: string;
  readonly tags?: Tags;
}

/** The names of the nodes a binding reads, in argument order. */
function sourceNames(bindings: IoBindings): string[] {
  return Object.values(bindings)
    .filter((ref): ref is SourceRef => ref.kind === 'source')
    .map((ref) => ref.name);
}

/** Arguments with each `source()` replaced by the value read for it (`values` in `sourceNames` order). */
function resolveBindings(bindings: IoBindings, values: readonly unknown[]): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  let next = 0;
  for (const [key, ref] of Object.entries(bindings)) resolved[key] = ref.kind === 'value' ? ref.value : values[next++];
  return resolved;
}

/** Applies `check` to a value or to what a promise of it resolves to. */
export function then(value: unknown, check: (resolved: unknown) => unknown): unknown {
  return isThenable(value) ? Promise.resolve(value).then(check) : check(value);
}

/** A loader's result must be `[data, metadata]`: anything else names the loader node and what it returned. */
export function checkLoaded(node: string, result: unknown): readonly [unknown, Record<string, unknown>] {
  if (!Array.isArray(result) || result.length !== 2 || result[1] === null || typeof result[1] !== 'object' || Array.isArray(result[1])) {
    throw new HamiltonError(Messages.dataIo.notLoaderResult(node, describeValue(result)));
  }
  return result as [unknown, Record<string, unknown>];
}

/** A saver's result must be its metadata (an object). */
export function checkSaved(node: string, result: unknown): Record<string, unknown> {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new HamiltonError(Messages.dataIo.notSaverResult(node, describeValue(result)));
  }
  return result as Record<string, unknown>;
}

/** Loader tags: what kind read what, so lineage can filter on them. */
export function loaderTags(kind: string, source: string | undefined): Tags {
  return { [DATA_LOADER_TAG]: 'true', [DATA_LOADER_KIND_TAG]: kind, ...(source === undefined ? {} : { [DATA_LOADER_SOURCE_TAG]: source }) };
}

/** Saver tags: what kind writes where. */
export function saverTags(kind: string, sink: string | undefined): Tags {
  return { [DATA_SAVER_TAG]: 'true', [DATA_SAVER_KIND_TAG]: kind, ...(sink === undefined ? {} : { [DATA_SAVER_SINK_TAG]: sink }) };
}

/**
 * The two nodes of a load (one naming scheme for `@dataloader`, `@loadFrom` and `from.<kind>`):
 * `<name>.loader` gives `[data, metadata]` (its metadata is what a run records), `<name>` gives the data.
 */
export function loadNodes(name: string, spec: LoadSpec, origin: IoOrigin, type: NodeType): NodeDefinition[] {
  const loaderName = `${name}${LOADER_SUFFIX}`;
  const reads = sourceNames(spec.bindings);
  const loader: NodeDefinition = {
    name: loaderName,
    type: Array,
    doc: origin.doc,
    tags: { ...origin.tags, ...loaderTags(spec.kind, spec.source) },
    dependencies: reads.map((dependency): Dependency => ({ name: dependency, optional: false, type: undefined })),
    originatingFunctions: origin.originatingFunctions,
    featureSet: origin.featureSet,
    callable: (args) => then(spec.load(resolveBindings(spec.bindings, args), loaderName), (result) => checkLoaded(loaderName, result)),
  };
  return [loader, dataNode(name, loader, origin, type)];
}

/** `<name>`: the data half of `<name>.loader`'s `[data, metadata]`. */
export function dataNode(name: string, loader: NodeDefinition, origin: IoOrigin, type: NodeType): NodeDefinition {
  return {
    name,
    type,
    doc: origin.doc,
    tags: { ...origin.tags },
    dependencies: [{ name: loader.name, optional: false, type: Array }],
    originatingFunctions: origin.originatingFunctions,
    featureSet: origin.featureSet,
    callable: (args) => (args[0] as readonly unknown[])[0],
  };
}

/**
 * A saver node `id`: reads `targets` (combined into one value by `combine` when there are several) and the
 * nodes its arguments name, writes, and gives the metadata.
 */
export function saveNode(
  id: string,
  targets: readonly string[],
  spec: SaveSpec,
  origin: IoOrigin,
  combine: (values: Record<string, unknown>) => unknown = (values) => values,
): NodeDefinition {
  const reads = sourceNames(spec.bindings);
  return {
    name: id,
    type: Object,
    doc: origin.doc,
    tags: { ...origin.tags, ...saverTags(spec.kind, spec.sink) },
    dependencies: [...targets, ...reads].map((dependency): Dependency => ({ name: dependency, optional: false, type: undefined })),
    originatingFunctions: origin.originatingFunctions,
    featureSet: origin.featureSet,
    callable: (args) => {
      const data = targets.length === 1 ? args[0] : combine(Object.fromEntries(targets.map((target, i) => [target, args[i]])));
      const saved = spec.save(data, resolveBindings(spec.bindings, args.slice(targets.length)), id);
      return then(saved, (result) => checkSaved(id, result));
    },
  };
}

/** Checks that a binding names no parameter twice and is made of refs (from plain JavaScript too). */
export function checkBindings(where: string, bindings: IoBindings): void {
  for (const [key, ref] of Object.entries(bindings)) {
    const kind = (ref as { kind?: unknown } | null)?.kind;
    if (kind !== 'value' && kind !== 'source') throw new InvalidDecoratorError(Messages.dataIo.notABinding(where, key, describeValue(ref)));
  }
}

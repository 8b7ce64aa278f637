import { SCHEMA_OUTPUT_TAG } from '../../constants/metadata-keys.js';
import * as path from 'node:path';
import { originParts, type FunctionGraph, type NodeOrigin } from '../../graph/function-graph.js';
import type { GraphNode, NodeRole, Tags } from '../../graph/node.js';
import { featureSetRef, type FeatureSetRef } from '../../metadata/module-file.js';
import { describeType } from '../../metadata/value-types.js';
import { namespaceOf } from '../dot/scene.js';
import { SourceLocator } from './source-location.js';

/** One node of the feature catalog. Plain data: `JSON.stringify` gives the JSON catalog. */
export interface CatalogEntry {
  readonly name: string;
  /** `function` (computed), `input` (given at run time) or `config` (fixed when the driver is built). */
  readonly kind: NodeRole;
  /** The declared type as a person reads it (`number`, `Series`, `unknown`). */
  readonly type: string;
  readonly doc: string;
  readonly tags: Tags;
  /** The sub-graph namespace, for nodes of a `@subdag`. */
  readonly namespace?: string;
  /** `Class.method` of the code behind the node. */
  readonly originatingFunctions: readonly string[];
  /** The same as `{ class, method }` (absent for inputs and config). */
  readonly origin?: NodeOrigin;
  /**
   * The feature set that defines it, named as worker threads and BullMQ workers name it: the name it is
   * exported under and the module file (relative to the catalog's root) exporting it.
   */
  readonly featureSet?: FeatureSetRef;
  /** Where the first originating method is written: file relative to the catalog's root, 1-based line. */
  readonly source?: { readonly file: string; readonly line: number };
  /** The DataFrame columns `@schemaOutput` declares, in order. */
  readonly schema?: readonly { readonly column: string; readonly type: string }[];
  /** The nodes it reads (its parameters), in order. */
  readonly inputs: readonly string[];
  /** The nodes that read it. */
  readonly dependents: readonly string[];
}

/** Every node of a driver's graph, sorted by name. */
export interface FeatureCatalog {
  readonly nodes: readonly CatalogEntry[];
}

/** Options of `featureCatalog`. */
export interface CatalogOptions {
  /** Source files are given relative to this folder; the working directory by default. */
  readonly root?: string;
}

/** Builds the catalog of a graph; `classes` are the driver's feature-set classes (to find source lines). */
export function buildCatalog(graph: FunctionGraph, classes: readonly Function[], options: CatalogOptions = {}): FeatureCatalog {
  const root = path.resolve(options.root ?? process.cwd());
  const locator = new SourceLocator();
  const known = new Map<string, Function>();
  for (const cls of classes) for (const c of classChain(cls)) if (!known.has(c.name)) known.set(c.name, c);

  const sourceOf = (node: GraphNode): CatalogEntry['source'] => {
    const origin = originParts(node);
    if (!origin) return undefined;
    const location = locator.locate(known.get(origin.class) ?? loadedClassNamed(origin.class) ?? origin.class, origin.method);
    if (!location) return undefined;
    return { file: path.relative(root, location.file).split(path.sep).join('/'), line: location.line };
  };

  // Once per feature set, not per node: finding a class's module scans every loaded module.
  const refs = new Map<string, FeatureSetRef | undefined>();
  const featureSetOf = (node: GraphNode): FeatureSetRef | undefined => {
    if (refs.has(node.featureSet)) return refs.get(node.featureSet);
    const cls = known.get(node.featureSet) ?? loadedClassNamed(node.featureSet);
    const ref = typeof cls === 'function' ? featureSetRef(cls) : undefined;
    const relative = ref?.module === undefined ? ref : { export: ref.export, module: path.relative(root, ref.module).split(path.sep).join('/') };
    refs.set(node.featureSet, relative);
    return relative;
  };

  const nodes = graph.nodes.map((node): CatalogEntry => {
    const namespace = namespaceOf(node);
    const source = node.role === 'function' ? sourceOf(node) : undefined;
    const origin = originParts(node);
    const featureSet = node.role === 'function' ? featureSetOf(node) : undefined;
    return {
      name: node.name,
      kind: node.role,
      type: describeType(node.type),
      doc: node.doc,
      tags: node.tags,
      ...(namespace !== undefined ? { namespace } : {}),
      originatingFunctions: node.originatingFunctions,
      ...(origin ? { origin } : {}),
      ...(featureSet ? { featureSet } : {}),
      ...(source ? { source } : {}),
      ...schemaOf(node),
      inputs: node.dependencies.map((d) => d.name),
      dependents: node.dependentIndices.map((i) => graph.nodes[i].name),
    };
  });
  return { nodes: nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** The columns declared by `@schemaOutput`, read from its tag (`col=type,...`). */
function schemaOf(node: GraphNode): { schema?: CatalogEntry['schema'] } {
  const declared = node.tags[SCHEMA_OUTPUT_TAG];
  if (typeof declared !== 'string') return {};
  return {
    schema: declared.split(',').map((field) => {
      const at = field.indexOf('=');
      return { column: field.slice(0, at), type: field.slice(at + 1) };
    }),
  };
}

/** A class and its base classes. */
function classChain(cls: Function): Function[] {
  const chain: Function[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  return chain;
}

/** A class of that name exported by some loaded module (sub-graph feature sets are not given to the driver). */
function loadedClassNamed(name: string): Function | undefined {
  for (const module of Object.values(require.cache)) {
    const exports: unknown = module?.exports;
    if (typeof exports === 'function' && exports.name === name) return exports;
    if (exports === null || typeof exports !== 'object') continue;
    for (const key of Object.keys(exports)) {
      const descriptor = Object.getOwnPropertyDescriptor(exports, key);
      const value: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
      if (typeof value === 'function' && value.name === name && value.prototype) return value;
    }
  }
  return undefined;
}

import type { RetryPolicy } from '../decorators/retry.js';
import type { Tags } from '../decorators/tag-types.js';
import type { NodeType } from '../metadata/value-types.js';

export type { RetryPolicy } from '../decorators/retry.js';
export type { Tags, TagValue } from '../decorators/tag-types.js';

/** One input of a node: the name of the node it reads. */
export interface Dependency {
  readonly name: string;
  /** Optional: a default value applies when nothing provides it. */
  readonly optional: boolean;
  readonly type: NodeType;
}

/**
 * A node as the resolver produces it from a method and its decorators. `callable` receives the values of
 * `dependencies` in order (`undefined` for an optional one nothing provides).
 */
export interface NodeDefinition {
  readonly name: string;
  readonly type: NodeType;
  readonly doc: string;
  readonly tags: Tags;
  readonly dependencies: readonly Dependency[];
  /** `Class.method` of the code behind the node. */
  readonly originatingFunctions: readonly string[];
  /** The feature set (class name) that defined it; a later feature set may override it. */
  readonly featureSet: string;
  /**
   * Fan-out role: `expand` yields items that downstream nodes run once each for (at most `concurrency` items
   * in flight under the AsyncDriver); `collect` gathers them.
   */
  readonly dynamic?: { readonly kind: 'expand'; readonly concurrency?: number } | { readonly kind: 'collect'; readonly parameter: string };
  /** The sub-graph it belongs to (`region` for `region.sales`; nested: `outer.inner`); none at top level. */
  readonly namespace?: string;
  /** Set by `@retry`: the node is tried again when it throws, wherever it runs. */
  readonly retry?: RetryPolicy;
  /** Set by `@runLocally`: the node runs in the driver's thread whatever the executor. */
  readonly local?: boolean;
  /** Set by `@resource`: made once per place it runs (and upstream values), never sent between places. */
  readonly resource?: boolean;
  readonly callable: (args: unknown[]) => unknown;
}

/** What a graph node is: computed by code, an external input, or a value fixed by config. */
export type NodeRole = 'function' | 'input' | 'config';

/** A node placed in a built graph. Indices make execution plans cheap to build and run. */
export interface GraphNode extends Omit<NodeDefinition, 'callable'> {
  readonly index: number;
  readonly role: NodeRole;
  readonly callable: ((args: unknown[]) => unknown) | undefined;
  /** Indices of `dependencies` in the graph (same order). */
  readonly dependencyIndices: readonly number[];
  /** Indices of the nodes that read this one. */
  readonly dependentIndices: number[];
  /** For `config` nodes: the configured value. */
  readonly configValue?: unknown;
}

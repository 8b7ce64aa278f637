import type { FunctionGraph } from '../graph/function-graph.js';

/** What a run is about, given to `beforeGraphExecute`. */
export interface GraphRunEvent {
  readonly runId: string;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** The nodes this run will execute, in plan order (a fan-out's per-item nodes once each). */
  readonly plannedNodes: readonly string[];
  /** Those of `plannedNodes` that run once per item of a fan-out. */
  readonly perItemNodes: readonly string[];
}

/** One node about to run, given to `beforeNodeExecute`. */
export interface NodeRunEvent {
  readonly runId: string;
  readonly node: string;
  /** `Class.method` behind the node. */
  readonly origin: string;
  readonly tags: Readonly<Record<string, string | readonly string[]>>;
  /** Argument values by parameter (dependency) name. */
  readonly args: Readonly<Record<string, unknown>>;
  /** For a per-item node of a fan-out: the item's position. */
  readonly item?: number;
}

/** One node that ran, given to `afterNodeExecute`. */
export interface NodeResultEvent extends NodeRunEvent {
  readonly success: boolean;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly durationMs: number;
}

/** The end of a run, given to `afterGraphExecute` (also when it failed). */
export interface GraphResultEvent {
  readonly runId: string;
  readonly success: boolean;
  readonly error?: unknown;
  readonly results?: Readonly<Record<string, unknown>>;
}

/** The built graph, given to `afterGraphConstruct` (Hamilton's `post_graph_construct`). */
export interface GraphConstructEvent {
  readonly graph: FunctionGraph;
  /** The feature-set classes the graph was built from, in the order given. */
  readonly modules: readonly Function[];
  readonly config: Readonly<Record<string, unknown>>;
}

/** A node call an adapter may take over (`wrapNodeCall`, Hamilton's `do_node_execute`). */
export interface NodeCall extends NodeRunEvent {
  /** The arguments in parameter order (`args` holds the same by name). */
  readonly argList: readonly unknown[];
  /** The node is `@parallelizable()`: its value is the iterable of items. */
  readonly isExpand: boolean;
  /** The node is a `@collect` node. */
  readonly isCollect: boolean;
  /**
   * Calls the node as the driver would (retries, executor, resources), with `argList` or the arguments given;
   * it throws (or rejects with) what the node threw. Under the sync Driver it must not return a thenable.
   */
  call(args?: readonly unknown[]): unknown;
}

/**
 * Lifecycle hooks (Hamilton's lifecycle adapters); every method is optional. A hook that throws fails the
 * run with a `HamiltonError` naming the adapter and hook. The AsyncDriver awaits hooks that return a
 * Promise; the sync Driver refuses them. Per-item nodes of a fan-out get node hooks too (with `item`).
 */
export interface LifecycleAdapter {
  /** Once the driver's graph is built and checked; the sync Driver refuses a Promise from it. */
  afterGraphConstruct?(event: GraphConstructEvent): void | Promise<void>;
  beforeGraphExecute?(event: GraphRunEvent): void | Promise<void>;
  beforeNodeExecute?(event: NodeRunEvent): void | Promise<void>;
  afterNodeExecute?(event: NodeResultEvent): void | Promise<void>;
  afterGraphExecute?(event: GraphResultEvent): void | Promise<void>;
  /**
   * Takes over calling each node (Hamilton's `do_node_execute`): returns the node's value, usually by way of
   * `call.call()`, between `beforeNodeExecute` and `afterNodeExecute`. At most one adapter of a driver may
   * implement it. What it throws fails the node (as a `NodeExecutionError`).
   */
  wrapNodeCall?(call: NodeCall): unknown;
}

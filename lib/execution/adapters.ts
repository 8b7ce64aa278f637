/** What a run is about, given to `beforeGraphExecute`. */
export interface GraphRunEvent {
  readonly runId: string;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** The nodes this run will execute, in plan order. */
  readonly plannedNodes: readonly string[];
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

/**
 * Lifecycle hooks (Hamilton's lifecycle adapters); every method is optional. A hook that throws fails the
 * run. Async drivers await hooks that return a Promise.
 */
export interface LifecycleAdapter {
  beforeGraphExecute?(event: GraphRunEvent): void | Promise<void>;
  beforeNodeExecute?(event: NodeRunEvent): void | Promise<void>;
  afterNodeExecute?(event: NodeResultEvent): void | Promise<void>;
  afterGraphExecute?(event: GraphResultEvent): void | Promise<void>;
}

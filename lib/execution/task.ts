/**
 * A task: the unit of work an executor runs in one place, as in Hamilton's task-based execution. It is one
 * node, or a fan-out item's whole branch, so per-item work costs one round trip to wherever tasks run.
 */
export interface Task {
  /** Unique within its run: the node's name, or `expand[i]` for item `i` of fan-out `expand`. */
  readonly id: string;
  readonly runId: string;
  /** Node names to run, in order; each reads `inputs` or a value computed earlier in the task. */
  readonly nodes: readonly string[];
  /** The values the nodes read that are computed outside the task (upstream nodes, inputs, config, the item). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Names whose values the task returns. */
  readonly outputs: readonly string[];
  /**
   * Resource nodes the task reads, each with its own upstream values by parameter: the far side makes each
   * once (per place and upstream values) instead of receiving it.
   */
  readonly resources?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** What a task computed: its outputs' values by name. */
export type TaskValues = Readonly<Record<string, unknown>>;

/**
 * A node of a task failed where the task ran: `node` names it and `cause` holds what it threw. Executors
 * reject with it (rebuilt from what crossed the wire) so the driver blames the right node.
 */
export class TaskNodeError extends Error {
  constructor(
    readonly node: string,
    cause: unknown,
  ) {
    super(`node '${node}' failed`, { cause });
    this.name = 'TaskNodeError';
  }
}

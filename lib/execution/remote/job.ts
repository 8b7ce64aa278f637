/** What one BullMQ job asks a worker: run this node, of the graph built from these feature sets and config. */
export interface NodeJob {
  /** Class names of the driver's feature sets, in order; the worker finds them in its modules. */
  readonly featureSets: readonly string[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly allowModuleOverrides: boolean;
  readonly node: string;
  /** The node's arguments; jobs travel as JSON. */
  readonly args: unknown[];
}

/** A node's error as a failed job carries it (BullMQ keeps only a message). */
export function encodeFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return JSON.stringify({ name, message });
}

/** The error a failed job reports, with the worker's error name when it sent one. */
export function decodeFailure(reason: string): Error {
  try {
    const { name, message } = JSON.parse(reason) as { name: string; message: string };
    const error = new Error(message);
    error.name = name;
    return error;
  } catch {
    return new Error(reason);
  }
}

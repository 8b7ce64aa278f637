/** Messages between a WorkerPoolExecutor and its worker threads. */

/** What a worker is started with: where the feature sets live and the driver's config. */
export interface WorkerSetup {
  readonly modules: readonly { readonly file: string; readonly className: string }[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly allowModuleOverrides: boolean;
}

/** Run one node with these arguments. */
export interface NodeTask {
  readonly id: number;
  readonly node: string;
  readonly args: unknown[];
}

/** What a worker answers. */
export type TaskResult =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/** An error as it crosses threads (the worker's class and stack survive as text). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Turns what a node threw into something that crosses threads. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds an error from the other thread, keeping its name, message and stack. */
export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

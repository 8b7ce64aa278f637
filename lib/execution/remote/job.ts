import { inspect } from 'node:util';
import type { FeatureSetRef } from '../../metadata/module-file.js';
import { RemoteMessages } from './messages.js';

/** What a worker builds its graph from; the same for every job of one executor, so workers cache the graph by it. */
export interface GraphSetup {
  readonly featureSets: readonly FeatureSetRef[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly allowModuleOverrides: boolean;
}

/** The data of one BullMQ job: one task (`lib/execution/task.ts`), values encoded by `codec.ts`. */
export interface TaskJob {
  readonly v: 1;
  /** `encodeValues({ setup: GraphSetup })`. */
  readonly setup: string;
  readonly id: string;
  readonly runId: string;
  readonly nodes: readonly string[];
  readonly outputs: readonly string[];
  /** `encodeValues(task.inputs)`. */
  readonly inputs: string;
  /** `encodeValues(task.resources)`: resources the worker makes (once per process) from their upstream values. */
  readonly resources?: string;
}

/**
 * Why a job failed, as the worker reports it. `node`: a node threw (`error` is what it threw); `travel`: a
 * value could not be encoded (a HamiltonError naming `node`); `setup`: the worker could not run the task at
 * all (unknown feature set, unreadable job).
 */
export interface Failure {
  readonly kind: 'node' | 'travel' | 'setup';
  readonly node?: string;
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

const PREFIX = 'hamilton-ts failure ';

/** A failure as the job's failed reason (BullMQ keeps only a string). */
export function encodeFailure(kind: Failure['kind'], node: string | undefined, error: unknown): string {
  return PREFIX + JSON.stringify({ kind, node, ...describeThrown(error) });
}

/** The failure a worker reported, or `undefined` for a reason BullMQ itself gave (a stalled job, say). */
export function decodeFailure(reason: string): Failure | undefined {
  if (!reason.startsWith(PREFIX)) return undefined;
  try {
    return JSON.parse(reason.slice(PREFIX.length)) as Failure;
  } catch {
    return undefined;
  }
}

const BUILT_IN_ERRORS: Readonly<Record<string, ErrorConstructor>> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

/** An error rebuilt from a failure: its name, message and the worker's stack (a built-in class when it was one). */
export function errorOf(failure: Failure): Error {
  const error = new (BUILT_IN_ERRORS[failure.name] ?? Error)(failure.message);
  if (error.name !== failure.name) error.name = failure.name;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

/** Name, message and stack of whatever was thrown; never throws itself (getters may, `String(x)` may). */
export function describeThrown(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) {
    try {
      return { name: String(error.name), message: String(error.message), stack: typeof error.stack === 'string' ? error.stack : undefined };
    } catch {
      // an Error whose name or message getter throws: describe it like any other value
    }
  }
  let description: string;
  try {
    description = inspect(error, { depth: 2, breakLength: Infinity });
  } catch {
    description = Object.prototype.toString.call(error);
  }
  return { name: 'Error', message: RemoteMessages.nonError(description) };
}

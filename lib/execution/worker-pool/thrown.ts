import { describeCause, HamiltonError } from '../../errors/index.js';
import { WorkerPoolMessages } from './messages.js';

/**
 * What a node threw, as it crosses threads. Whatever was thrown (an Error of any class, a string, `undefined`,
 * an object with no prototype, a symbol) becomes one of these without throwing itself, so a strange throw never
 * breaks the message that reports it.
 */
export type SentThrown =
  | {
      readonly kind: 'error';
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
      /** Own enumerable fields that travel (a `code`, a failing node's name). */
      readonly fields: Readonly<Record<string, unknown>>;
      readonly cause?: SentThrown;
      /** A HamiltonError (of any subclass) on the worker's side: rebuilt as one. */
      readonly hamilton: boolean;
    }
  /** A thrown value that is not an Error but travels as it is (a string, a plain object, `undefined`). */
  | { readonly kind: 'value'; readonly value: unknown }
  /** A HamiltonError raised by the pool itself on the worker's side. */
  | { readonly kind: 'hamilton'; readonly message: string }
  /** A thrown value that cannot travel (a symbol, a function): its description. */
  | { readonly kind: 'text'; readonly text: string };

const MAX_CAUSES = 8;

/** Turns anything thrown into a `SentThrown`; never throws. */
export function sendThrown(thrown: unknown, depth = 0): SentThrown {
  try {
    if (thrown instanceof Error) return sendError(thrown, depth);
    if (travels(thrown)) return { kind: 'value', value: thrown };
  } catch {
    // A getter or a proxy that throws: fall through to the description.
  }
  return { kind: 'text', text: describeThrown(thrown) };
}

/** What was thrown, as text; never throws. */
export function describeThrown(thrown: unknown): string {
  try {
    return describeCause(thrown);
  } catch {
    // Even Object.prototype.toString can throw (a proxy trapping Symbol.toStringTag).
    return `a value of type ${typeof thrown} that cannot be read`;
  }
}

function sendError(error: Error, depth: number): SentThrown {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key === 'name' || key === 'message' || key === 'stack') continue;
    const value = (error as unknown as Record<string, unknown>)[key];
    if (travels(value)) fields[key] = value;
  }
  const cause = 'cause' in error && depth < MAX_CAUSES ? sendThrown(error.cause, depth + 1) : undefined;
  return {
    kind: 'error',
    name: String(error.name),
    message: String(error.message),
    stack: error.stack,
    fields,
    hamilton: error instanceof HamiltonError,
    ...(cause && { cause }),
  };
}

function travels(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

const BUILT_IN_ERRORS: Readonly<Record<string, new (message: string) => Error>> = {
  Error,
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Rebuilds what was thrown on the other thread: an Error keeps its class (built-in ones), name, message, stack, fields and cause. */
export function receiveThrown(sent: SentThrown): unknown {
  switch (sent.kind) {
    case 'value':
      return sent.value;
    case 'hamilton':
      return new HamiltonError(sent.message);
    case 'text':
      return new HamiltonError(WorkerPoolMessages.thrownCannotTravel(sent.text));
    case 'error': {
      const error = new (sent.hamilton ? HamiltonError : (BUILT_IN_ERRORS[sent.name] ?? Error))(sent.message);
      Object.assign(error, sent.fields);
      Object.defineProperty(error, 'name', { value: sent.name, configurable: true, writable: true });
      if (sent.stack !== undefined) error.stack = sent.stack;
      if (sent.cause) Object.defineProperty(error, 'cause', { value: receiveThrown(sent.cause), configurable: true, writable: true });
      return error;
    }
  }
}

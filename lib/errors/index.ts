import { Messages } from '../constants/messages.js';
import type { CheckResult } from './check-result.js';

/** Base class of every error hamilton-ts throws on purpose. */
export class HamiltonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A decorator used in a way that cannot work (raised when the class is defined or the graph is built). */
export class InvalidDecoratorError extends HamiltonError {}

/** One config condition of a `@configWhen`-family decorator, as recorded. */
export interface ConfigConditionRecord {
  readonly form: 'configWhen' | 'configWhenNot' | 'configWhenIn' | 'configWhenNotIn' | 'config';
  readonly condition: Readonly<Record<string, unknown>>;
}

/** A method that would define a missing input, left out by the driver's config. */
export interface ExcludedDefinition {
  /** `Class.method` (e.g. `Loaders.revenue__batch`). */
  readonly origin: string;
  /** Its config decorators; every one must pass for the method to define the node. */
  readonly conditions: readonly ConfigConditionRecord[];
}

/** One missing external input and the nodes on the execution path that need it. */
export interface MissingInput {
  readonly input: string;
  readonly neededBy: readonly string[];
  /** Node names close to the input's (a typo in a parameter name: `revnue` for `revenue`). */
  readonly suggestions?: readonly string[];
  /** Methods that define it only under other config values (`revenue__batch` with `@configWhen`). */
  readonly excludedByConfig?: readonly ExcludedDefinition[];
}

/** Every required input that neither `inputs` nor config provides. */
export class MissingInputError extends HamiltonError {
  constructor(
    readonly missing: readonly MissingInput[],
    /** The driver's config, to show the values the excluded definitions' keys have. */
    config: Readonly<Record<string, unknown>> = {},
  ) {
    super(Messages.missingInputs(missing.map((m) => Messages.missingInput(m.input, m.neededBy) + Messages.missingInputHints(m, config))));
  }
}

/** The graph has a cycle; `cycle` lists it with the first node repeated at the end. */
export class CycleError extends HamiltonError {
  constructor(readonly cycle: readonly string[]) {
    super(Messages.cycle(cycle));
  }
}

/** One node name defined twice, with both definitions (`Class.method`). */
export interface Duplicate {
  readonly nodeName: string;
  readonly definitions: readonly [string, string];
}

/** Node names defined more than once; `duplicates` lists every one, the first is also on the error itself. */
export class DuplicateNodeError extends HamiltonError {
  readonly nodeName: string;
  readonly definitions: readonly [string, string];
  constructor(readonly duplicates: readonly Duplicate[]) {
    super(duplicates.map((d) => Messages.duplicateNode(d.nodeName, ...d.definitions)).join('\n'));
    ({ nodeName: this.nodeName, definitions: this.definitions } = duplicates[0]);
  }
}

/** One edge whose types do not fit. */
export interface TypeMismatch {
  /** `Class.method` (or node name) producing the value. */
  readonly producer: string;
  /** `Class.method` consuming it. */
  readonly consumer: string;
  readonly parameter: string;
  readonly expectedType: string;
  readonly actualType: string;
  readonly message: string;
}

/** Declared types that cannot meet on an edge; `mismatches` lists every one, the first is also on the error. */
export class TypeMismatchError extends HamiltonError {
  readonly producer: string;
  readonly consumer: string;
  readonly parameter: string;
  readonly expectedType: string;
  readonly actualType: string;
  constructor(
    readonly mismatches: readonly TypeMismatch[],
    format: (messages: readonly string[]) => string = (messages) => messages.join('\n'),
  ) {
    super(format(mismatches.map((m) => m.message)));
    const first = mismatches[0];
    this.producer = first.producer;
    this.consumer = first.consumer;
    this.parameter = first.parameter;
    this.expectedType = first.expectedType;
    this.actualType = first.actualType;
  }
}

/** One unknown name with the closest known names. */
export interface UnknownName {
  readonly name: string;
  readonly suggestions: readonly string[];
}

/** Names that are not nodes of the graph (requested outputs, overrides, lineage queries). */
export class UnknownNodeError extends HamiltonError {
  constructor(readonly unknown: readonly UnknownName[]) {
    super(Messages.unknownNodes(unknown.map((u) => Messages.unknownNode(u.name, u.suggestions))));
  }
}

/**
 * A node's output failed a check of importance `fail` (`@checkOutput`, `@checkOutputCustom`). `results` lists
 * every failed check of the node (`warn` ones too), each with its node, check, message and diagnostics.
 */
export class DataValidationError extends HamiltonError {
  /** The checked node. */
  readonly node: string;
  constructor(readonly results: readonly CheckResult[]) {
    super(Messages.validation.failed(results));
    this.node = results[0]?.node ?? '';
  }
}

/** A node threw; `cause` holds what it threw. */
export class NodeExecutionError extends HamiltonError {
  constructor(
    readonly nodeName: string,
    readonly origin: string,
    readonly inputsSummary: string,
    cause: unknown,
  ) {
    super(Messages.nodeFailed(nodeName, origin, inputsSummary, describeCause(cause)), { cause });
  }
}

/** What was thrown, as text, whatever it is (an object with no prototype has no `toString`). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  try {
    return String(cause);
  } catch {
    return Object.prototype.toString.call(cause);
  }
}

import { randomBytes } from 'node:crypto';
import { Messages } from '../constants/messages.js';
import { DataValidationError, NodeExecutionError, TypeMismatchError, type TypeMismatch } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { originOf } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { describeType, describeValue, valueMatchesType } from '../metadata/value-types.js';
import type { GraphRunEvent, LifecycleAdapter, NodeRunEvent } from './adapters.js';
import { ExecutionMessages } from './messages.js';
import type { ExecutionPlan, PlanStep } from './plan.js';

/** Runtime values of one `execute` call. */
export interface RunValues {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
}

/**
 * The state of one run of a plan, shared by every executor: the value slots (one per graph node), how
 * a step's arguments are gathered, and how a finished step is stored and its spent inputs released.
 */
export class RunContext {
  readonly values: unknown[];
  readonly runId: string;
  /** Reads left per intermediate value; at zero the value is released. */
  private readonly readsLeft: Int32Array;

  constructor(
    readonly graph: FunctionGraph,
    readonly plan: ExecutionPlan,
    readonly run: RunValues,
    readonly adapters: readonly LifecycleAdapter[],
  ) {
    this.runId = newRunId();
    this.values = new Array(graph.nodes.length);
    this.readsLeft = plan.readCounts.slice();
    for (const node of plan.configNodes) this.values[node.index] = node.configValue;
    for (const node of plan.inputs) this.values[node.index] = run.inputs[node.name];
    for (const name of Object.keys(run.overrides)) this.values[graph.get(name)!.index] = run.overrides[name];
  }

  /**
   * Checks input values against the types their consumers declare, and overrides against the types of the
   * nodes they replace; every mismatch is reported.
   */
  checkInputTypes(): void {
    const mismatches: TypeMismatch[] = [];
    for (const node of this.plan.inputs) {
      const value = this.values[node.index];
      if (valueMatchesType(node.type, value)) continue;
      const declaredBy = this.declarerOf(node);
      const [expected, actual] = [describeType(node.type), describeValue(value)];
      mismatches.push({
        producer: node.name,
        consumer: declaredBy,
        parameter: node.name,
        expectedType: expected,
        actualType: actual,
        message: Messages.inputTypeMismatch(node.name, expected, declaredBy, actual),
      });
    }
    for (const name of Object.keys(this.run.overrides)) {
      const node = this.graph.get(name)!;
      const value = this.run.overrides[name];
      if (valueMatchesType(node.type, value)) continue;
      const [expected, actual, producer] = [describeType(node.type), describeValue(value), originOf(node)];
      mismatches.push({
        producer,
        consumer: producer,
        parameter: name,
        expectedType: expected,
        actualType: actual,
        message: ExecutionMessages.overrideTypeMismatch(name, expected, producer, actual),
      });
    }
    if (mismatches.length > 0) throw new TypeMismatchError(mismatches, Messages.inputTypeMismatches);
  }

  /** The arguments of a step, in parameter order. */
  argumentsOf(step: PlanStep): unknown[] {
    const indices = step.argumentIndices;
    const args = new Array<unknown>(indices.length);
    for (let i = 0; i < indices.length; i++) args[i] = indices[i] < 0 ? undefined : this.values[indices[i]];
    return args;
  }

  /** Stores a step's result and lets go of the intermediate values it was the last to read. */
  store(step: PlanStep, result: unknown): void {
    this.values[step.node.index] = result;
    const indices = step.argumentIndices;
    const readsLeft = this.readsLeft;
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i];
      if (index >= 0 && readsLeft[index] > 0 && --readsLeft[index] === 0) this.values[index] = undefined;
    }
  }

  /** The requested outputs by name, in the order requested. */
  outputs(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const { outputs, outputIndices } = this.plan;
    for (let i = 0; i < outputs.length; i++) {
      const index = outputIndices[i];
      result[outputs[i]] = index >= 0 ? this.values[index] : this.run.inputs[outputs[i]];
    }
    return result;
  }

  /**
   * Wraps what a node threw with the node, its code and a short summary of its inputs. A
   * `DataValidationError` (a `fail` check of `@checkOutput`) is the run's verdict on the data, not a fault of
   * the node: it goes to the caller as it is, naming its node and checks.
   */
  failure(node: GraphNode, args: readonly unknown[], cause: unknown): NodeExecutionError | DataValidationError {
    // A NodeExecutionError from a driver the node itself ran is wrapped too: the blame is this node's.
    if (cause instanceof DataValidationError) return cause;
    const summary = node.dependencies.map((d, i) => `${d.name}=${describeValue(args[i])}`).join(', ');
    return new NodeExecutionError(node.name, originOf(node), summary, cause);
  }

  /** What lifecycle hooks are told about a node about to run (`item`: its fan-out item). */
  nodeEvent(node: GraphNode, args: readonly unknown[], item: number | undefined): NodeRunEvent {
    const named: Record<string, unknown> = {};
    const dependencies = node.dependencies;
    for (let i = 0; i < dependencies.length; i++) named[dependencies[i].name] = args[i];
    const event: NodeRunEvent = { runId: this.runId, node: node.name, origin: originOf(node), tags: node.tags, args: named };
    if (item !== undefined) (event as { item?: number }).item = item;
    return event;
  }

  /** What graph-level hooks are told about the run. */
  graphEvent(): GraphRunEvent {
    const { plan, run } = this;
    const { plannedNodes, perItemNodes } = plannedNodesOf(plan);
    return { runId: this.runId, outputs: plan.outputs, inputs: run.inputs, overrides: run.overrides, plannedNodes, perItemNodes };
  }

  private declarerOf(input: GraphNode): string {
    for (const index of input.dependentIndices) {
      const consumer = this.graph.nodes[index];
      const dependency = consumer.dependencies.find((d) => d.name === input.name);
      if (dependency?.type === input.type) return `${originOf(consumer)} parameter '${input.name}'`;
    }
    return input.name;
  }
}

/** A plan's node names for graph hooks, listed once per plan (plans are cached: a stream of runs reuses one). */
const plannedNames = new WeakMap<ExecutionPlan, { plannedNodes: readonly string[]; perItemNodes: readonly string[] }>();
function plannedNodesOf(plan: ExecutionPlan): { plannedNodes: readonly string[]; perItemNodes: readonly string[] } {
  let names = plannedNames.get(plan);
  if (!names) {
    const perItemNodes = plan.steps.flatMap((s) => s.fanOut?.steps.map((inner) => inner.node.name) ?? []);
    const plannedNodes = plan.steps.flatMap((s) => [s.node.name, ...(s.fanOut?.steps.map((inner) => inner.node.name) ?? [])]);
    names = { plannedNodes, perItemNodes };
    plannedNames.set(plan, names);
  }
  return names;
}

let runCounter = 0;
/** Unique across processes too: remote executors key their jobs by it, and several drivers share a queue. */
const processTag = randomBytes(4).toString('hex');
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${processTag}-${(runCounter++).toString(36)}`;
}

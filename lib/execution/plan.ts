import { Messages } from '../constants/messages.js';
import { HamiltonError, MissingInputError, type MissingInput } from '../errors/index.js';
import { unknownNodeError } from '../graph/close-names.js';
import { originOf, type FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { groupFanOuts, type FanOut } from './blocks.js';

/** One node to run: where its arguments come from and which values can be let go after it ran. */
export interface PlanStep {
  readonly node: GraphNode;
  /** Graph index of each argument's value; -1 leaves an optional parameter to its default. */
  readonly argumentIndices: readonly number[];
  /** Positions (in `steps`) of the steps this one reads from; the async executor waits on them. */
  readonly upstreamSteps: readonly number[];
  /** Positions of the steps that read this one; the async executor starts them when they are ready. */
  readonly downstreamSteps: readonly number[];
  /** On an expand step: the steps that run once per item, and what collect nodes gather. */
  readonly fanOut?: FanOut;
}

/**
 * What one `execute` call will do, worked out once from the graph and the names involved, then shared by
 * the sync, async and remote executors: which nodes run, in which order, fed from where, and when each
 * intermediate value is released.
 */
export interface ExecutionPlan {
  readonly outputs: readonly string[];
  /** Function nodes to run, in topological order; only what the outputs need, each once. */
  readonly steps: readonly PlanStep[];
  /** External input nodes whose values come from `inputs` (their types are checked per run). */
  readonly inputs: readonly GraphNode[];
  /** Config nodes read by the run. */
  readonly configNodes: readonly GraphNode[];
  /**
   * Per graph index, how many step arguments read an intermediate value; when a run has served them all the
   * value is released (so long chains keep memory flat, in any execution order). 0: never released.
   */
  readonly readCounts: Int32Array;
  /** Graph index of each output, in `outputs` order; -1 for a plain input passed through. */
  readonly outputIndices: Int32Array;
}

/** The names an execution plan depends on: not the values, so plans can be cached. */
export interface PlanRequest {
  readonly outputs: readonly string[];
  readonly inputKeys: readonly string[];
  readonly overrideKeys: readonly string[];
}

const UNSEEN = 0;
const OPEN = 1;
const DONE = 2;

/** Validates a request against the graph and plans it; every problem of a kind is reported together. */
export function createPlan(graph: FunctionGraph, request: PlanRequest): ExecutionPlan {
  const inputKeys = new Set(request.inputKeys);
  checkInputs(graph, request.inputKeys);
  // Each output's node, looked up once (a 100k-output run would otherwise look every name up three times).
  const outputIndices = new Int32Array(request.outputs.length);
  for (let i = 0; i < request.outputs.length; i++) outputIndices[i] = graph.get(request.outputs[i])?.index ?? -1;
  checkKnown(graph, request.outputs, outputIndices, request.overrideKeys, inputKeys);

  const overridden = new Set(request.overrideKeys);
  const nodes = graph.nodes;
  const state = new Uint8Array(nodes.length);
  const stepOf = new Int32Array(nodes.length).fill(-1);
  const steps: PlanStep[] = [];
  const inputs: GraphNode[] = [];
  const configNodes: GraphNode[] = [];
  const missing = new Map<string, string[]>();
  const requireInput = (node: GraphNode, neededBy: string) => {
    const list = missing.get(node.name);
    if (list) list.push(neededBy);
    else missing.set(node.name, [neededBy]);
  };

  // Iterative depth-first walk; post-order gives a topological order of what must run.
  const stack: number[] = [];
  const cursor: number[] = [];
  for (let o = 0; o < request.outputs.length; o++) {
    if (outputIndices[o] < 0) continue; // a plain input passed through
    const output = request.outputs[o];
    const root = nodes[outputIndices[o]];
    if (state[root.index] === UNSEEN && !overridden.has(output) && root.role === 'input' && !inputKeys.has(output)) {
      requireInput(root, Messages.requestedOutput);
    }
    stack.push(root.index);
    cursor.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = nodes[stack[top]];
      if (cursor[top] === 0) {
        if (state[node.index] !== UNSEEN) {
          stack.pop();
          cursor.pop();
          continue;
        }
        state[node.index] = OPEN;
        if (overridden.has(node.name) || node.role !== 'function') {
          if (!overridden.has(node.name)) {
            if (node.role === 'config') configNodes.push(node);
            else if (inputKeys.has(node.name)) inputs.push(node);
          }
          state[node.index] = DONE;
          stack.pop();
          cursor.pop();
          continue;
        }
      }
      const position = cursor[top];
      if (position < node.dependencyIndices.length) {
        cursor[top] = position + 1;
        const dependency = nodes[node.dependencyIndices[position]];
        if (dependency.role === 'input' && !inputKeys.has(dependency.name) && !overridden.has(dependency.name)) {
          if (!node.dependencies[position].optional) requireInput(dependency, originOf(node));
          continue;
        }
        if (state[dependency.index] === UNSEEN) {
          stack.push(dependency.index);
          cursor.push(0);
        }
        continue;
      }
      stack.pop();
      cursor.pop();
      state[node.index] = DONE;
      stepOf[node.index] = steps.length;
      steps.push({ node, argumentIndices: [], upstreamSteps: [], downstreamSteps: [] });
    }
  }
  if (missing.size > 0) {
    const list: MissingInput[] = [...missing].map(([input, neededBy]) => ({ input, neededBy }));
    throw new MissingInputError(list.sort((a, b) => a.input.localeCompare(b.input)));
  }
  const topLevel = groupFanOuts(steps, new Set(request.outputs));
  const readCounts = topLevel.some((s) => s.fanOut)
    ? linkFanOutSteps(topLevel, state, nodes.length)
    : linkSteps(steps, stepOf, state, nodes.length);
  for (const index of outputIndices) if (index >= 0) readCounts[index] = 0;
  return { outputs: request.outputs, steps: topLevel, inputs, configNodes, readCounts, outputIndices };
}

/**
 * Links a plan whose fan-outs are composite steps. Per-item steps are linked for their arguments only (they
 * run in order, per item); every value a fan-out reads or gathers is kept to the end of the run, since each
 * item reads it again.
 */
function linkFanOutSteps(steps: PlanStep[], state: Uint8Array, nodeCount: number): Int32Array {
  const stepOf = new Int32Array(nodeCount).fill(-1);
  steps.forEach((step, position) => {
    stepOf[step.node.index] = position;
    for (const inner of step.fanOut?.steps ?? []) stepOf[inner.node.index] = position;
  });
  const readCounts = linkSteps(steps, stepOf, state, nodeCount);
  for (const step of steps) {
    if (!step.fanOut) continue;
    const noPositions = new Int32Array(nodeCount).fill(-1);
    linkSteps(step.fanOut.steps as PlanStep[], noPositions, state, nodeCount);
    readCounts[step.node.index] = 0;
    for (const inner of step.fanOut.steps) {
      readCounts[inner.node.index] = 0;
      for (const index of inner.argumentIndices) if (index >= 0) readCounts[index] = 0;
    }
  }
  return readCounts;
}

/** Fills each step's argument sources and neighbouring steps; returns how often each computed value is read. */
function linkSteps(steps: PlanStep[], stepOf: Int32Array, state: Uint8Array, nodeCount: number): Int32Array {
  const readCounts = new Int32Array(nodeCount);
  steps.forEach((step, position) => {
    const argumentIndices = step.argumentIndices as number[];
    const upstreamSteps = step.upstreamSteps as number[];
    for (const index of step.node.dependencyIndices) {
      if (state[index] !== DONE) {
        argumentIndices.push(-1);
        continue;
      }
      argumentIndices.push(index);
      const upstream = stepOf[index];
      if (upstream < 0) continue;
      readCounts[index]++;
      if (!upstreamSteps.includes(upstream)) {
        upstreamSteps.push(upstream);
        (steps[upstream].downstreamSteps as number[]).push(position);
      }
    }
  });
  return readCounts;
}

function checkInputs(graph: FunctionGraph, inputKeys: readonly string[]): void {
  const overlap = inputKeys.filter((key) => Object.hasOwn(graph.config, key));
  if (overlap.length > 0) throw new HamiltonError(Messages.configInputOverlap(overlap));
  for (const key of inputKeys) {
    const node = graph.get(key);
    if (node?.role === 'function') throw new HamiltonError(Messages.inputNamesComputedNode(key, originOf(node)));
  }
}

/** Outputs may be plain inputs passed through; overrides replace nodes, so they must name one. */
function checkKnown(
  graph: FunctionGraph,
  outputs: readonly string[],
  outputIndices: Int32Array,
  overrideKeys: readonly string[],
  inputKeys: ReadonlySet<string>,
): void {
  const unknown = [
    ...outputs.filter((name, i) => outputIndices[i] < 0 && !inputKeys.has(name)),
    ...overrideKeys.filter((name) => !graph.get(name)),
  ];
  if (unknown.length > 0) throw unknownNodeError(unknown, graph.nodes.map((n) => n.name));
}

import { Messages } from '../constants/messages.js';
import { HamiltonError, type MissingInput } from '../errors/index.js';
import { unknownNodeError } from '../graph/close-names.js';
import { originOf, type FunctionGraph } from '../graph/function-graph.js';
import { missingInputError } from '../graph/missing-inputs.js';
import type { GraphNode } from '../graph/node.js';
import { groupFanOuts, type FanOut } from './blocks.js';
import { ExecutionMessages } from './messages.js';

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

/** What a step holds until `linkSteps` gives it its arrays. */
const UNLINKED: readonly number[] = Object.freeze([]);

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

  // Iterative depth-first walk; post-order gives a topological order of what must run. Fixed-size stacks (a
  // node is pushed only while unseen and is marked on the next step, so the depth stays within the node count
  // plus a root): arrays emptied after every output would give back and re-grow their storage each time.
  const stack = new Int32Array(nodes.length + 1);
  const cursor = new Int32Array(nodes.length + 1);
  let depth = 0;
  for (let o = 0; o < request.outputs.length; o++) {
    if (outputIndices[o] < 0) continue; // a plain input passed through
    const output = request.outputs[o];
    const root = nodes[outputIndices[o]];
    // A requested input nothing gives is missing, unless every reader may go without it (Hamilton returns None).
    if (
      state[root.index] === UNSEEN &&
      !overridden.has(output) &&
      root.role === 'input' &&
      !inputKeys.has(output) &&
      !readOptionallyOnly(root, nodes)
    ) {
      requireInput(root, Messages.requestedOutput);
    }
    stack[depth] = root.index;
    cursor[depth++] = 0;
    while (depth > 0) {
      const top = depth - 1;
      const node = nodes[stack[top]];
      if (cursor[top] === 0) {
        if (state[node.index] !== UNSEEN) {
          depth--;
          continue;
        }
        state[node.index] = OPEN;
        if (overridden.has(node.name) || node.role !== 'function') {
          if (!overridden.has(node.name)) {
            if (node.role === 'config') configNodes.push(node);
            else if (inputKeys.has(node.name)) inputs.push(node);
          }
          state[node.index] = DONE;
          depth--;
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
          stack[depth] = dependency.index;
          cursor[depth++] = 0;
        }
        continue;
      }
      depth--;
      state[node.index] = DONE;
      stepOf[node.index] = steps.length;
      steps.push({ node, argumentIndices: UNLINKED, upstreamSteps: UNLINKED, downstreamSteps: UNLINKED });
    }
  }
  if (missing.size > 0) {
    const list: MissingInput[] = [...missing].map(([input, neededBy]) => ({ input, neededBy }));
    throw missingInputError(
      graph,
      list.sort((a, b) => a.input.localeCompare(b.input)),
    );
  }
  const grouped = groupFanOuts(steps, request.outputs);
  const linked =
    grouped === steps ? { steps, readCounts: linkSteps(steps, stepOf, state, nodes.length) } : linkFanOutSteps(grouped, state, nodes.length);
  const readCounts = linked.readCounts;
  for (const index of outputIndices) if (index >= 0) readCounts[index] = 0;
  return { outputs: request.outputs, steps: linked.steps, inputs, configNodes, readCounts, outputIndices };
}

/**
 * Links a plan whose fan-outs are composite steps. A composite step waits on everything its per-item steps
 * read from outside the fan-out, so the top level is ordered again with that in mind (a per-item node may
 * read a node that is planned after the expand node). Per-item steps are linked for their arguments only
 * (they run in order, per item); every value a fan-out reads or gathers is kept to the end of the run, since
 * each item reads it again.
 */
function linkFanOutSteps(unordered: PlanStep[], state: Uint8Array, nodeCount: number): { steps: PlanStep[]; readCounts: Int32Array } {
  const steps = orderTopLevel(unordered, nodeCount);
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
    const upstream = new Set(step.upstreamSteps);
    for (const index of step.fanOut.reads) if (stepOf[index] >= 0 && state[index] === DONE) upstream.add(stepOf[index]);
    (step as Linked).upstreamSteps = [...upstream];
    readCounts[step.node.index] = 0;
    for (const inner of step.fanOut.steps) {
      readCounts[inner.node.index] = 0;
      for (const index of inner.argumentIndices) if (index >= 0) readCounts[index] = 0;
    }
  }
  for (const step of steps) (step as Linked).downstreamSteps = [];
  steps.forEach((step, position) => {
    for (const from of step.upstreamSteps) (steps[from].downstreamSteps as number[]).push(position);
  });
  return { steps, readCounts };
}

/**
 * Top-level steps in an order where each comes after every step it (or, for a fan-out, any item) reads
 * (Kahn's algorithm, keeping the planned order where it can).
 */
function orderTopLevel(steps: PlanStep[], nodeCount: number): PlanStep[] {
  const ownerOf = new Int32Array(nodeCount).fill(-1);
  steps.forEach((step, position) => {
    ownerOf[step.node.index] = position;
    for (const inner of step.fanOut?.steps ?? []) ownerOf[inner.node.index] = position;
  });
  const waiting = new Int32Array(steps.length);
  const readers: number[][] = steps.map(() => []);
  steps.forEach((step, position) => {
    const owners = new Set<number>();
    for (const index of [...step.node.dependencyIndices, ...(step.fanOut?.reads ?? [])]) {
      const owner = ownerOf[index];
      if (owner >= 0 && owner !== position) owners.add(owner);
    }
    waiting[position] = owners.size;
    for (const owner of owners) readers[owner].push(position);
  });
  const ordered: PlanStep[] = [];
  const ready = steps.map((_, position) => position).filter((position) => waiting[position] === 0);
  for (let next = 0; next < ready.length; next++) {
    ordered.push(steps[ready[next]]);
    for (const reader of readers[ready[next]]) if (--waiting[reader] === 0) ready.push(reader);
  }
  if (ordered.length < steps.length) {
    const stuck = steps.find((step, position) => step.fanOut && waiting[position] > 0)!;
    throw new HamiltonError(ExecutionMessages.fanOutReadsItsCollect(stuck.node.name));
  }
  return ordered;
}

/**
 * Fills each step's argument sources and neighbouring steps; returns how often each computed value is read.
 * Every array is made at its exact size: arrays grown by `push` reserve 17 slots, three per step, which on a
 * 100k-node plan is ~50 MB for the GC.
 */
function linkSteps(steps: PlanStep[], stepOf: Int32Array, state: Uint8Array, nodeCount: number): Int32Array {
  const readCounts = new Int32Array(nodeCount);
  const downstreamCounts = new Int32Array(steps.length);
  const upstream: number[] = [];
  for (const step of steps) {
    upstream.length = 0;
    const argumentIndices = step.node.dependencyIndices.map((index) => {
      if (state[index] !== DONE) return -1;
      const from = stepOf[index];
      if (from >= 0) {
        readCounts[index]++;
        if (!upstream.includes(from)) {
          upstream.push(from);
          downstreamCounts[from]++;
        }
      }
      return index;
    });
    const linked = step as Linked;
    linked.argumentIndices = argumentIndices;
    linked.upstreamSteps = upstream.slice();
  }
  // Downstream positions in ascending order, as each step lists its upstream steps in turn.
  steps.forEach((step, position) => ((step as Linked).downstreamSteps = new Array<number>(downstreamCounts[position])));
  const filled = new Int32Array(steps.length);
  steps.forEach((step, position) => {
    for (const from of step.upstreamSteps) (steps[from].downstreamSteps as number[])[filled[from]++] = position;
  });
  return readCounts;
}

/** Whether every node reading this input declares it optional (a parameter with a default). */
function readOptionallyOnly(input: GraphNode, nodes: readonly GraphNode[]): boolean {
  if (input.dependentIndices.length === 0) return false;
  for (const index of input.dependentIndices) {
    const reader = nodes[index];
    for (let i = 0; i < reader.dependencyIndices.length; i++) {
      if (reader.dependencyIndices[i] === input.index && !reader.dependencies[i].optional) return false;
    }
  }
  return true;
}

type Linked = { argumentIndices: readonly number[]; upstreamSteps: readonly number[]; downstreamSteps: readonly number[] };

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
  const unknown = [...outputs.filter((name, i) => outputIndices[i] < 0 && !inputKeys.has(name)), ...overrideKeys.filter((name) => !graph.get(name))];
  if (unknown.length > 0)
    throw unknownNodeError(
      unknown,
      graph.nodes.map((n) => n.name),
    );
}

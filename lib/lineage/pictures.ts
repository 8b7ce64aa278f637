import { Messages } from '../constants/messages.js';
import { HamiltonError, MissingInputError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import type { DisplayOptions, FileOption, VisualizeExecutionOptions } from './display-options.js';
import { renderDot } from './dot/render.js';
import { sceneOf, type Scene } from './dot/scene.js';
import { downstreamOf, nodesNamed, pathBetween, upstreamOf } from './queries.js';
import { checkPictureFile, writePicture } from './write-picture.js';

/**
 * The pictures the drivers draw. Each builds a scene (which nodes, which marks) and hands it to the DOT
 * writer; `present` returns the DOT text, or writes the file and resolves to it.
 */

/** Every node of the graph. */
export function allFunctionsScene(graph: FunctionGraph): Scene {
  return sceneOf(graph.nodes, [], graph);
}

/** The named nodes (marked) and what they depend on. */
export function upstreamScene(graph: FunctionGraph, names: readonly string[]): Scene {
  return sceneOf(withConfig(graph, upstreamOf(graph, names)), [[names, 'selected']], graph);
}

/** The named nodes (marked) and what depends on them. */
export function downstreamScene(graph: FunctionGraph, names: readonly string[]): Scene {
  return sceneOf(withConfig(graph, downstreamOf(graph, names)), [[names, 'selected']], graph);
}

/** The nodes on the paths from `from` to `to` (both marked); no path is an error, not an empty picture. */
export function pathScene(graph: FunctionGraph, from: string, to: string): Scene {
  const nodes = pathBetween(graph, from, to);
  if (nodes.length === 0) throw new HamiltonError(Messages.lineage.noPath(from, to));
  return sceneOf(withConfig(graph, nodes), [[[from, to], 'selected']], graph);
}

/**
 * What `execute(outputs, options)` would touch: the outputs (marked), the functions they need, the inputs
 * and config read, and the overridden nodes (marked; their upstream is not drawn). `validate` runs first,
 * as `execute` would validate, unless `bypassValidation`; then a required input nobody gives is drawn as
 * missing.
 */
export function executionScene(graph: FunctionGraph, outputs: readonly string[], options: VisualizeExecutionOptions, validate: () => void): Scene {
  if (!options.bypassValidation) {
    try {
      validate();
    } catch (error) {
      if (error instanceof MissingInputError) error.message += Messages.lineage.bypassValidationHint;
      throw error;
    }
  }
  const inputs = new Set(Object.keys(options.inputs ?? {}));
  const overrides = new Set(Object.keys(options.overrides ?? {}));
  const drawnOutputs = outputs.filter((name) => graph.get(name) || !inputs.has(name));
  const start = nodesNamed(graph, [...drawnOutputs, ...overrides]).slice(0, drawnOutputs.length);
  const seen = new Set<GraphNode>();
  const requested = new Set(drawnOutputs);
  const missing: string[] = [];
  const stack = [...start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (overrides.has(node.name)) continue;
    // Reached as a dependency, an input is required; requested, only if some node requires it (else it is undefined).
    if (node.role === 'input' && !inputs.has(node.name) && (!requested.has(node.name) || requiredByAny(graph, node))) missing.push(node.name);
    node.dependencies.forEach((dependency, i) => {
      const producer = graph.nodes[node.dependencyIndices[i]];
      const given = inputs.has(producer.name) || overrides.has(producer.name);
      if (producer.role === 'input' && !given && dependency.optional) return;
      stack.push(producer);
    });
  }
  return sceneOf(
    withConfig(graph, [...seen]),
    [
      [drawnOutputs, 'output'],
      [[...overrides].filter((name) => seen.has(graph.get(name)!)), 'override'],
      [missing, 'missing'],
    ],
    graph,
  );
}

/** Whether some node of the graph reads this input without a default. */
function requiredByAny(graph: FunctionGraph, input: GraphNode): boolean {
  return input.dependentIndices.some((index) => {
    const reader = graph.nodes[index];
    return reader.dependencies.some((dependency, i) => reader.dependencyIndices[i] === input.index && !dependency.optional);
  });
}

/**
 * These nodes and every config value: as Hamilton draws the whole config in each picture, so what the driver
 * was built with is always in sight (a value read by no drawn node stands alone).
 */
function withConfig(graph: FunctionGraph, nodes: readonly GraphNode[]): GraphNode[] {
  const drawn = new Set(nodes);
  return [...nodes, ...graph.nodes.filter((node) => node.role === 'config' && !drawn.has(node))];
}

/** The DOT text of a scene; with `file`, a Promise that writes it first (any failure rejects it). */
export function present(scene: () => Scene, options: DisplayOptions & Partial<FileOption>): string | Promise<string> {
  const file = options.file;
  if (file === undefined) return renderDot(scene(), options).text;
  return (async () => {
    checkPictureFile(file);
    return writePicture(file, renderDot(scene(), options).text);
  })();
}

/** Splits `(...names, options?)` arguments. */
export function namesAndOptions<T extends object>(args: readonly (string | T)[]): [string[], T | Record<string, never>] {
  const last = args[args.length - 1];
  if (last !== undefined && typeof last === 'object') return [args.slice(0, -1) as string[], last];
  return [args as string[], {}];
}

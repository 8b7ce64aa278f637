import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { HamiltonError } from '../errors/index.js';
import { originOf, type FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { ExecutionMessages } from './messages.js';
import { isThenable } from '../metadata/thenable.js';

/**
 * Resource nodes (`@resource()`: a database or HTTP client, a model) are made once per place a graph runs (the
 * driver's thread, each worker thread, each worker process) for the same upstream values, and never sent
 * anywhere: a task carries the resource's upstream values instead, and the far side makes or reuses it.
 */
const made = new WeakMap<FunctionGraph, Map<string, unknown>>();

/** Stands for a resource in the driver while the nodes that read it run elsewhere. */
export class ResourceRef {
  constructor(
    readonly node: GraphNode,
    readonly args: readonly unknown[],
  ) {}

  /** The resource's upstream values by parameter name, as a task carries them. */
  upstream(): Record<string, unknown> {
    const named: Record<string, unknown> = {};
    this.node.dependencies.forEach((d, i) => (named[d.name] = this.args[i]));
    return named;
  }
}

/** The resource made from these upstream values in this place, made now if it is the first time. */
export function resourceFor(graph: FunctionGraph, node: GraphNode, args: readonly unknown[]): unknown {
  let cache = made.get(graph);
  if (!cache) made.set(graph, (cache = new Map<string, unknown>()));
  const key = `${node.name}\0${keyOf(node, args)}`;
  if (cache.has(key)) return cache.get(key);
  const value = node.callable!([...args]);
  cache.set(key, value);
  // A rejected promise must not stay cached: the next run tries again.
  if (isThenable(value)) Promise.resolve(value).catch(() => cache.delete(key));
  return value;
}

function keyOf(node: GraphNode, args: readonly unknown[]): string {
  try {
    return createHash('sha1').update(serialize(args)).digest('hex');
  } catch (error) {
    throw new HamiltonError(ExecutionMessages.resourceUpstream(node.name, originOf(node), (error as Error).message), { cause: error });
  }
}

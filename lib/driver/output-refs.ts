import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { nodeNameOf } from '../graph/resolver.js';
import type { Variable } from '../lineage/variable.js';
import { DriverMessages } from './messages.js';

/** An output given by reference: a method of a feature set (`Spend.prototype.avg3wkSpend`) or a `Variable`. */
export type OutputRef = Function | Variable;

/**
 * Node names for outputs given as names, methods or Variables (Hamilton's final_vars may be functions or
 * Variables). A method names the node it defines: the one named after it, or its only node.
 */
export function outputNames(graph: FunctionGraph, outputs: readonly unknown[]): string[] {
  return outputs.map((output, position) => {
    if (typeof output === 'string') return output;
    if (typeof output === 'function') return nodeOfMethod(graph, output, position);
    if (isVariable(output)) return output.name;
    // Neither a name nor a reference: the argument check names it as it names any bad output.
    return output as string;
  });
}

function nodeOfMethod(graph: FunctionGraph, fn: Function, position: number): string {
  const origin = originOfMethod(graph, fn);
  if (origin === undefined) throw new HamiltonError(DriverMessages.functionNotInGraph(fn.name, position));
  const nodes = graph.nodes.filter((n) => n.originatingFunctions[0] === origin.name && n.namespace === undefined);
  if (nodes.length === 0) throw new HamiltonError(DriverMessages.functionWithoutNode(origin.name));
  if (nodes.length === 1) return nodes[0].name;
  // With extract, check or pipe decorators: the node carrying the method's own name (a config `name` included).
  const own = nodes.find((n) => n.name === safeNodeName(origin.method, origin.name));
  if (own) return own.name;
  const roots = nodes.filter((n) => !n.dependencies.some((d) => nodes.some((m) => m.name === d.name)));
  if (roots.length === 1) return roots[0].name;
  throw new HamiltonError(
    DriverMessages.functionManyNodes(
      origin.name,
      nodes.map((n) => n.name),
    ),
  );
}

/** `Class.method` as the graph names it: the feature set given to the driver, and the member holding `fn`. */
function originOfMethod(graph: FunctionGraph, fn: Function): { name: string; method: string } | undefined {
  for (const cls of graph.featureSetClasses) {
    for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key !== 'constructor' && Object.getOwnPropertyDescriptor(proto, key)?.value === fn) return { name: `${cls.name}.${key}`, method: key };
      }
    }
  }
  return undefined;
}

function safeNodeName(method: string, origin: string): string | undefined {
  try {
    return nodeNameOf(method, origin);
  } catch {
    return undefined;
  }
}

/** A Variable as lineage queries return it (not any object with a name: `{ name }` alone is likely a mistake). */
function isVariable(value: unknown): value is Variable {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<Record<keyof Variable, unknown>>;
  return typeof candidate.name === 'string' && typeof candidate.isExternalInput === 'boolean' && Array.isArray(candidate.originatingFunctions);
}

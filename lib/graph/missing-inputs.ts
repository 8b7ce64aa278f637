import { DecoratorKind } from '../constants/metadata-keys.js';
import type { ConfigWhenArgs } from '../decorators/config-when-args.js';
import { MissingInputError, type ExcludedDefinition, type MissingInput } from '../errors/index.js';
import { getRegistry } from '../metadata/registry.js';
import { nearMisses } from './close-names.js';
import { discoverMethods } from './discovery.js';
import type { FunctionGraph } from './function-graph.js';
import { configSelects } from './modifiers/config.js';
import { nodeNameOf } from './resolver.js';

/**
 * The error for inputs nothing provides, each explained where the graph can tell why: a node name it is a
 * near miss of (`revnue` for `revenue`), or methods that define it but that the config leaves out
 * (`revenue__batch` under `@configWhen({ mode: 'batch' })`). Worked out only when the error is thrown.
 */
export function missingInputError(graph: FunctionGraph, missing: readonly MissingInput[]): MissingInputError {
  const missingNames = new Set(missing.map((m) => m.input));
  // Another missing name is no better a guess than the one asked about.
  const names = graph.nodes.map((n) => n.name).filter((name) => !missingNames.has(name));
  const excluded = excludedDefinitions(graph, missingNames);
  const explained = missing.map((m) => {
    const suggestions = nearMisses(m.input, names);
    const byConfig = excluded.get(m.input) ?? [];
    return { ...m, ...(suggestions.length > 0 && { suggestions }), ...(byConfig.length > 0 && { excludedByConfig: byConfig }) };
  });
  return new MissingInputError(explained, graph.config);
}

/** Per wanted node name: the methods of the graph's feature sets that would define it but config excludes. */
function excludedDefinitions(graph: FunctionGraph, wanted: ReadonlySet<string>): Map<string, ExcludedDefinition[]> {
  const found = new Map<string, ExcludedDefinition[]>();
  const registry = getRegistry();
  for (const cls of graph.featureSetClasses) {
    for (const method of discoverMethods(cls)) {
      const origin = `${cls.name}.${method.name}`;
      const conditions = registry
        .recordsOf(method.declaringClass, method.name)
        .filter((r) => r.kind === DecoratorKind.configWhen)
        .map((r) => r.args as ConfigWhenArgs);
      // A config decorator's { name } names the node, as when the graph is built.
      const nodeName = conditions.find((c) => c.name !== undefined)?.name ?? nodeNameOrUndefined(method.name, origin);
      if (nodeName === undefined || !wanted.has(nodeName)) continue;
      if (conditions.length === 0 || conditions.every((c) => configSelects(c, graph.config))) continue;
      const list = found.get(nodeName) ?? [];
      list.push({ origin, conditions });
      found.set(nodeName, list);
    }
  }
  return found;
}

function nodeNameOrUndefined(method: string, origin: string): string | undefined {
  try {
    return nodeNameOf(method, origin);
  } catch {
    return undefined; // a name ending in '__' defines no node; the graph build said so already
  }
}

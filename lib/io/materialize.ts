import { getRegistry } from '../metadata/registry.js';
import { DecoratorKind } from '../constants/metadata-keys.js';
import { HamiltonError } from '../errors/index.js';
import { closeNames } from '../graph/close-names.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { loadNodes, saveNode } from '../graph/modifiers/data-io.js';
import type { NodeDefinition } from '../graph/node.js';
import { describeValue } from '../metadata/value-types.js';
import type { ExecuteOptions } from '../execution/execute-options.js';
import { IoMessages } from './messages.js';
import { isMaterializer, type Materializer } from './materializers.js';
import type { IoMetadata } from './metadata.js';

/** Options of `materialize`: those of `execute`, and other nodes to compute and return beside the savers. */
export interface MaterializeOptions extends ExecuteOptions {
  readonly additionalVars?: readonly string[];
}

/** What `materialize` returns: each saver's metadata by id, and the `additionalVars` values by name. */
export type MaterializeResult = [metadata: Record<string, IoMetadata>, values: Record<string, unknown>];

/** A checked materialize call: the materializers, what to compute, and the execute options. */
export interface MaterializeRequest {
  readonly materializers: readonly Materializer[];
  readonly outputs: readonly string[];
  readonly additionalVars: readonly string[];
  readonly options: ExecuteOptions;
}

/** Checks what `materialize` (or its validate / visualize forms) was given, against the driver's graph. */
export function materializeRequest(method: string, graph: FunctionGraph, materializers: unknown, options: unknown): MaterializeRequest {
  if (!Array.isArray(materializers)) throw new HamiltonError(IoMessages.notAMaterializer(method, 0, describeValue(materializers)));
  materializers.forEach((m, i) => {
    if (!isMaterializer(m)) throw new HamiltonError(IoMessages.notAMaterializer(method, i, describeValue(m)));
  });
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new HamiltonError(IoMessages.badMaterializeOptions(method, describeValue(options)));
  const { additionalVars = [], ...executeOptions } = options as MaterializeOptions;
  if (!Array.isArray(additionalVars) || !additionalVars.every((v) => typeof v === 'string')) {
    throw new HamiltonError(IoMessages.badAdditionalVars(method, describeValue(additionalVars)));
  }
  const list = materializers as Materializer[];
  const known = graph.nodes.map((n) => n.name);
  const close = (name: string) => {
    const names = closeNames(name, known);
    return names.length === 0 ? '' : ` (did you mean ${names.map((n) => `'${n}'`).join(' or ')}?)`;
  };
  const seen = new Set<string>();
  for (const m of list) {
    const name = m.role === 'save' ? m.id : m.target;
    if (seen.has(name)) throw new HamiltonError(IoMessages.duplicateMaterializer(method, name));
    seen.add(name);
    if (m.role === 'save') {
      if (graph.get(m.id)) throw new HamiltonError(IoMessages.saverIdTaken(method, m.id));
      for (const dependency of m.dependencies) {
        if (!graph.get(dependency))
          throw new HamiltonError(IoMessages.unknownTarget(method, `to.${m.kind} dependency`, dependency, close(dependency)));
      }
    } else if (!graph.get(m.target)) throw new HamiltonError(IoMessages.unknownTarget(method, `from.${m.kind} target`, m.target, close(m.target)));
  }
  const saverIds = list.flatMap((m) => (m.role === 'save' ? [m.id] : []));
  const outputs = [...saverIds, ...additionalVars.filter((v) => !saverIds.includes(v))];
  if (outputs.length === 0) throw new HamiltonError(IoMessages.nothingToMaterialize(method));
  return { materializers: list, outputs, additionalVars, options: executeOptions };
}

/** The node definitions of the materializers: savers after their dependencies, loaders in place of their targets. */
export function materializerNodes(materializers: readonly Materializer[]): NodeDefinition[] {
  return materializers.flatMap((m) => {
    const origin = { originatingFunctions: [`${m.role === 'save' ? 'to' : 'from'}.${m.kind}`], featureSet: MATERIALIZERS, doc: '' };
    if (m.role === 'load') return loadNodes(m.target, m.spec, origin, undefined);
    const combine = m.combine;
    return [saveNode(m.id, m.dependencies, m.spec, origin, combine ? (values) => combine.build(values) : undefined)];
  });
}

/** The feature-set name the materializers' nodes carry (a later feature set, so a loader replaces its target). */
export const MATERIALIZERS = 'materialize';

/**
 * The materializers as one more feature set: an instance whose one method gives their ready node definitions
 * (the `generatedNodes` modifier), so the graph with them is built and checked like any graph. One class for
 * all calls: the registry keeps classes, not instances.
 */
class MaterializerSet {
  constructor(private readonly definitions: readonly NodeDefinition[]) {}
  nodes(): readonly NodeDefinition[] {
    return this.definitions;
  }
}
Object.defineProperty(MaterializerSet, 'name', { value: MATERIALIZERS });
getRegistry().add({ kind: DecoratorKind.generatedNodes, target: MaterializerSet, method: 'nodes', args: undefined });

/** The feature set to add after the driver's own ones for this request. */
export function materializerFeatureSet(request: MaterializeRequest): { readonly cls: Function; readonly instance: object } {
  return { cls: MaterializerSet, instance: new MaterializerSet(materializerNodes(request.materializers)) };
}

/** Splits a run's results into the savers' metadata and the additional values. */
export function materializeResult(request: MaterializeRequest, results: Record<string, unknown>): MaterializeResult {
  const metadata: Record<string, IoMetadata> = {};
  for (const m of request.materializers) if (m.role === 'save') metadata[m.id] = { ...(results[m.id] as IoMetadata), node: m.id };
  const values: Record<string, unknown> = {};
  for (const name of request.additionalVars) values[name] = results[name];
  return [metadata, values];
}

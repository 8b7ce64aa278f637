import { Messages } from '../constants/messages.js';
import { CycleError, DuplicateNodeError, TypeMismatchError, type Duplicate, type TypeMismatch } from '../errors/index.js';
import { findCycle } from './cycles.js';
import type { Config } from './modifiers/index.js';
import type { GraphNode, NodeDefinition, NodeRole } from './node.js';
import { resolveFeatureSet, type FeatureSetInstance, type ResolveEnvironment } from './resolver.js';
import { describeType, narrowerType, typesMatch, type NodeType } from '../metadata/value-types.js';

/** How a graph is built. */
export interface GraphOptions {
  readonly config: Config;
  /** A later feature set's node replaces an earlier one of the same name instead of being an error. */
  readonly allowModuleOverrides: boolean;
  /** Creates the instance of a feature-set class met inside a sub-graph (the driver uses its container). */
  readonly instantiate?: (cls: Function) => object;
}

/**
 * The built DAG: function nodes from the feature sets, external input nodes for what nothing computes, and
 * config nodes. Checked when built: duplicates, edge types, conflicting input types and cycles.
 */
export class FunctionGraph {
  private constructor(
    readonly nodes: readonly GraphNode[],
    readonly config: Config,
    /** Graph index by node name (the map the nodes were placed with). */
    private readonly indexOf: ReadonlyMap<string, number>,
    /** The feature-set classes it was built from: what explains a missing input (methods config left out). */
    readonly featureSetClasses: readonly Function[] = [],
  ) {}

  /** The node of that name, if any. */
  get(name: string): GraphNode | undefined {
    const index = this.indexOf.get(name);
    return index === undefined ? undefined : this.nodes[index];
  }

  /** Resolves every feature set and builds the checked graph. */
  static build(featureSets: readonly FeatureSetInstance[], options: GraphOptions): FunctionGraph {
    const definitions = collectDefinitions(featureSets, options);
    const { nodes, indexOf } = placeNodes(definitions, options.config);
    checkEdgeTypes(nodes);
    const cycle = findCycle(nodes);
    if (cycle) throw new CycleError(cycle);
    return new FunctionGraph(
      nodes,
      options.config,
      indexOf,
      featureSets.map((f) => f.cls),
    );
  }
}

/** Definitions in first-seen order (an allowed override takes the place of the one it replaces), and each one's position. */
interface Definitions {
  readonly list: readonly NodeDefinition[];
  readonly positionOf: Map<string, number>;
}

function collectDefinitions(featureSets: readonly FeatureSetInstance[], options: GraphOptions): Definitions {
  const instantiate = options.instantiate ?? ((cls: Function) => new (cls as new () => object)());
  const environment: ResolveEnvironment = {
    resolveInner: (classes, config) => {
      const inner = classes.map((cls) => ({ cls, instance: instantiate(cls) }));
      return [...collectDefinitions(inner, { ...options, config, allowModuleOverrides: false }).list];
    },
  };
  const list: NodeDefinition[] = [];
  const positionOf = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  for (const featureSet of featureSets) {
    for (const definition of resolveFeatureSet(featureSet, options.config, environment)) {
      const position = positionOf.get(definition.name);
      if (position === undefined) {
        positionOf.set(definition.name, list.length);
        list.push(definition);
        continue;
      }
      const existing = list[position];
      if (!(options.allowModuleOverrides && existing.featureSet !== definition.featureSet)) {
        duplicates.push({ nodeName: definition.name, definitions: [originOf(existing), originOf(definition)] });
      }
      list[position] = definition;
    }
  }
  if (duplicates.length > 0) throw new DuplicateNodeError(duplicates);
  return { list, positionOf };
}

/** Indexes function nodes, turns config-replaced and unprovided dependencies into external nodes, links edges. */
function placeNodes(definitions: Definitions, config: Config): { nodes: GraphNode[]; indexOf: Map<string, number> } {
  const nodes: GraphNode[] = [];
  // Definition k becomes node k, so the definitions' position map is the graph's index (external nodes join it).
  const indexOf = definitions.positionOf;
  const place = (node: Omit<GraphNode, 'index' | 'dependencyIndices' | 'dependentIndices'>) => {
    indexOf.set(node.name, nodes.length);
    nodes.push({ ...node, index: nodes.length, dependencyIndices: [], dependentIndices: [] });
  };
  for (const definition of definitions.list) {
    if (Object.hasOwn(config, definition.name)) {
      place(externalNode(definition.name, 'config', definition.type, config[definition.name], definition.doc));
    } else {
      nodes.push(functionNode(definition, nodes.length));
    }
  }
  resolveDependencies(nodes, indexOf);
  const inputTypes = externalInputTypes(nodes);
  for (const [name, type] of inputTypes) {
    const role: NodeRole = Object.hasOwn(config, name) ? 'config' : 'input';
    place(externalNode(name, role, type, config[name]));
  }
  for (const key of Object.keys(config)) {
    if (!indexOf.has(key)) place(externalNode(key, 'config', undefined, config[key]));
  }
  linkNodes(nodes, indexOf);
  return { nodes, indexOf };
}

type Linked = { dependencyIndices: readonly number[]; dependentIndices: number[] };

/**
 * Each dependency's node index, looked up once for the external-input check and the links: -1 where nothing
 * computes it (an external input, placed next). Arrays of their exact size: one grown by `push` reserves 17
 * slots, which on a 100k-node graph is megabytes for the GC.
 */
function resolveDependencies(nodes: readonly GraphNode[], indexOf: ReadonlyMap<string, number>): void {
  for (const node of nodes) {
    (node as Linked).dependencyIndices = node.dependencies.map((dependency) => indexOf.get(dependency.name) ?? -1);
  }
}

/** Completes the dependency indices (external inputs now placed) and fills the dependents, in node order. */
function linkNodes(nodes: readonly GraphNode[], indexOf: ReadonlyMap<string, number>): void {
  const dependentCounts = new Int32Array(nodes.length);
  for (const node of nodes) {
    const dependencyIndices = node.dependencyIndices as number[];
    for (let i = 0; i < dependencyIndices.length; i++) {
      if (dependencyIndices[i] < 0) dependencyIndices[i] = indexOf.get(node.dependencies[i].name)!;
      dependentCounts[dependencyIndices[i]]++;
    }
  }
  for (const node of nodes) (node as Linked).dependentIndices = new Array<number>(dependentCounts[node.index]);
  const filled = new Int32Array(nodes.length);
  for (const node of nodes) {
    for (const index of node.dependencyIndices) nodes[index].dependentIndices[filled[index]++] = node.index;
  }
}

const DEFINITION_KEYS: readonly string[] = [
  'name',
  'type',
  'doc',
  'tags',
  'dependencies',
  'originatingFunctions',
  'featureSet',
  'callable',
] satisfies (keyof NodeDefinition)[];

/**
 * A definition placed as a function node: `{ ...definition, role, index, ... }`. V8 makes that spread (with
 * properties added after it) cost ~4 us and 2 KB per node, most of a large graph's build, so a definition
 * with exactly the standard keys, in order, is copied field by field; any other shape is spread.
 */
function functionNode(definition: NodeDefinition, index: number): GraphNode {
  const role = 'function';
  if (!hasStandardKeys(definition)) return { ...definition, role, index, dependencyIndices: [], dependentIndices: [] };
  return {
    name: definition.name,
    type: definition.type,
    doc: definition.doc,
    tags: definition.tags,
    dependencies: definition.dependencies,
    originatingFunctions: definition.originatingFunctions,
    featureSet: definition.featureSet,
    callable: definition.callable,
    role,
    index,
    dependencyIndices: [],
    dependentIndices: [],
  };
}

/** Own enumerable keys exactly the standard ones, in order, and nothing inherited or symbol-keyed. */
function hasStandardKeys(definition: NodeDefinition): boolean {
  // A plain object: `for...in` then lists its own keys, and any enumerable key on Object.prototype after them.
  if (Object.getPrototypeOf(definition) !== Object.prototype) return false;
  let i = 0;
  for (const key in definition) if (key !== DEFINITION_KEYS[i++]) return false;
  return i === DEFINITION_KEYS.length && Object.getOwnPropertySymbols(definition).length === 0;
}

function externalNode(name: string, role: NodeRole, type: NodeType, value: unknown, doc = '') {
  return {
    name,
    role,
    type,
    doc,
    tags: {},
    dependencies: [],
    originatingFunctions: [],
    featureSet: '',
    callable: undefined,
    ...(role === 'config' ? { configValue: value } : {}),
  };
}

/** Types of the dependencies nothing computes: the narrowest of what the consumers declare. */
function externalInputTypes(nodes: readonly GraphNode[]): Map<string, NodeType> {
  const types = new Map<string, NodeType>();
  const declaredBy = new Map<string, string>();
  const conflicts: TypeMismatch[] = [];
  for (const node of nodes) {
    for (let i = 0; i < node.dependencies.length; i++) {
      if (node.dependencyIndices[i] >= 0) continue; // computed by a node
      const dependency = node.dependencies[i];
      const consumer = `${originOf(node)} (parameter '${dependency.name}')`;
      if (!types.has(dependency.name)) {
        types.set(dependency.name, dependency.type);
        declaredBy.set(dependency.name, consumer);
        continue;
      }
      const current = types.get(dependency.name);
      const narrower = narrowerType(current, dependency.type);
      if (narrower === null) {
        const first = declaredBy.get(dependency.name)!;
        const [expected, actual] = [describeType(current), describeType(dependency.type)];
        conflicts.push({
          producer: first,
          consumer,
          parameter: dependency.name,
          expectedType: expected,
          actualType: actual,
          message: Messages.inputTypeConflict(dependency.name, first, expected, consumer, actual),
        });
      } else if (narrower !== current) {
        types.set(dependency.name, narrower);
        declaredBy.set(dependency.name, consumer);
      }
    }
  }
  if (conflicts.length > 0) throw new TypeMismatchError(conflicts);
  return types;
}

function checkEdgeTypes(nodes: readonly GraphNode[]): void {
  const mismatches: TypeMismatch[] = [];
  for (const node of nodes) {
    node.dependencies.forEach((dependency, i) => {
      const producer = nodes[node.dependencyIndices[i]];
      if (producer.role !== 'function' || typesMatch(dependency.type, producer.type)) return;
      const [expected, actual] = [describeType(dependency.type), describeType(producer.type)];
      mismatches.push({
        producer: originOf(producer),
        consumer: originOf(node),
        parameter: dependency.name,
        expectedType: expected,
        actualType: actual,
        message: Messages.edgeTypeMismatch(originOf(node), dependency.name, expected, originOf(producer), actual),
      });
    });
  }
  if (mismatches.length > 0) throw new TypeMismatchError(mismatches);
}

/** `Class.method` of a node, or its name when no code is behind it. */
export function originOf(node: Pick<NodeDefinition, 'name' | 'originatingFunctions'>): string {
  return node.originatingFunctions.join(', ') || node.name;
}

/** The class and method behind a node (its first originating function); none for inputs and config. */
export interface NodeOrigin {
  readonly class: string;
  readonly method: string;
}

/** `{ class, method }` of `Class.method`, the form every originating function is written in. */
export function originParts(node: Pick<NodeDefinition, 'originatingFunctions'>): NodeOrigin | undefined {
  const first = node.originatingFunctions[0];
  const dot = first === undefined ? -1 : first.indexOf('.');
  return dot > 0 ? { class: first.slice(0, dot), method: first.slice(dot + 1) } : undefined;
}

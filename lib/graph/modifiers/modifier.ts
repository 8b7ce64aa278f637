import type { ParameterSpec } from '../parameters.js';
import type { NodeDefinition } from '../node.js';
import type { NodeType } from '../../metadata/value-types.js';

/** Driver config: fixed when the graph is built, and also available to nodes as inputs. */
export type Config = Readonly<Record<string, unknown>>;

/**
 * The order in which modifiers apply, whatever order the decorators are written in (Hamilton's lifecycle):
 * config selection, then node generation, injection of nodes into the method's inputs (`@pipeInput`,
 * `@withColumns`), expansion, transforms, pipes on outputs (`@pipeOutput`, `@mutate`: after the transforms, so
 * they reach extracted nodes whatever order the decorators are written in), output checks, decoration, and
 * savers last (`@saveTo`: its node reads the decorated final node, and is no target of `@tag` and the like).
 * Hamilton counts `check_output` among the transforms; here checks come after every transform, so that they
 * check the final (e.g. extracted) nodes whatever order the decorators are written in.
 */
export const PHASES = ['resolve', 'generate', 'inject', 'expand', 'transform', 'pipe', 'validate', 'decorate', 'save'] as const;
export type Phase = (typeof PHASES)[number];

/** Everything a modifier may need to know about the method it shapes. */
export interface MethodContext {
  /** Class name of the feature set. */
  readonly featureSet: string;
  /** Method name as written (with any `__variant` suffix). */
  readonly method: string;
  /** Node name: the method name without its `__variant` suffix. */
  readonly nodeName: string;
  /** `Class.method`, for errors and lineage. */
  readonly origin: string;
  readonly fn: Function;
  readonly instance: object;
  readonly config: Config;
  readonly parameters: readonly ParameterSpec[];
  readonly parameterTypes: readonly NodeType[];
  readonly returnType: NodeType;
  /** The method's documentation (from `@node({ doc })`), a template for parameterized outputs. */
  readonly doc: string;
  /** Resolves feature-set classes under a config (for sub-graphs), as the graph builder does. */
  readonly resolveInner: (featureSets: readonly Function[], config: Config) => NodeDefinition[];
  /** The node the method itself defines, before any modifier. */
  readonly baseNode: () => NodeDefinition;
}

/**
 * What a decorator does to the nodes of a method (Hamilton's function modifiers). Decorators only record
 * their arguments; the resolver looks up the modifier for each record's kind and applies it in phase order.
 */
export interface NodeModifier<TArgs = unknown> {
  readonly phase: Phase;
  /** Whether the decorator may be applied more than once to one method. */
  readonly allowsMultiple: boolean;
  /** `resolve` phase: whether the method makes nodes under this config. */
  include?(args: TArgs, context: MethodContext): boolean;
  /** Other phases: the nodes after this modifier (`generate` starts from an empty list). */
  apply?(nodes: readonly NodeDefinition[], args: TArgs, context: MethodContext): NodeDefinition[];
  /** `resolve` phase: the node name the decorator gives the method (`@configWhen(cond, { name })`), if any. */
  nodeName?(args: TArgs): string | undefined;
}

import 'reflect-metadata';
import { DecoratorKind, DESIGN_PARAM_TYPES, DESIGN_RETURN_TYPE, MODULE_TAG, VARIANT_SEPARATOR } from '../constants/metadata-keys.js';
import type { NodeOptions } from '../decorators/node.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { getRegistry, type DecoratorRecord } from '../metadata/registry.js';
import { discoverMethods, type DiscoveredMethod } from './discovery.js';
import { resolveDelayed } from './modifiers/resolve.js';
import { MODIFIERS, PHASES, type Config, type MethodContext, type NodeModifier } from './modifiers/index.js';
import type { NodeDefinition } from './node.js';
import { readParameters, type ParameterSpec } from './parameters.js';
import { knownType, type NodeType } from '../metadata/value-types.js';

/** A feature set ready to resolve: its class and the instance whose methods run. */
export interface FeatureSetInstance {
  readonly cls: Function;
  readonly instance: object;
}

/** What resolving needs from the graph builder: a way to resolve whole feature sets (for sub-graphs). */
export interface ResolveEnvironment {
  /** Resolves feature-set classes under a config, duplicates checked, as the graph builder does. */
  readonly resolveInner: (featureSets: readonly Function[], config: Config) => NodeDefinition[];
}

/**
 * Turns a feature set into node definitions: every discovered method, shaped by the modifiers of the
 * decorators recorded on it, applied in phase order (config, generate, expand, transform, decorate).
 */
export function resolveFeatureSet(featureSet: FeatureSetInstance, config: Config, environment: ResolveEnvironment): NodeDefinition[] {
  const nodes: NodeDefinition[] = [];
  for (const method of discoverMethods(featureSet.cls)) {
    nodes.push(...resolveMethod(featureSet, method, config, environment));
  }
  return nodes;
}

interface ModifierUse {
  readonly modifier: NodeModifier;
  readonly record: DecoratorRecord;
}

function resolveMethod(featureSet: FeatureSetInstance, method: DiscoveredMethod, config: Config, environment: ResolveEnvironment): NodeDefinition[] {
  const featureSetName = featureSet.cls.name;
  const origin = `${featureSetName}.${method.name}`;
  const uses = modifierUses(resolveDelayed(getRegistry().recordsOf(method.declaringClass, method.name), method, config, origin), origin);
  if (uses.length === 0) {
    // The common case: no decorators, so no modifier needs a method context; the base node as it is.
    const nodeName = nodeNameOf(method.name, origin);
    const prototype = method.declaringClass.prototype as object;
    const parameters = readParameters(method.fn, origin);
    const parameterTypes = parameterTypesOf(prototype, method.name, parameters);
    const returnType = returnTypeOf(prototype, method.name);
    return [nodeOf(featureSetName, nodeName, origin, '', method.fn, featureSet.instance, parameters, parameterTypes, returnType)];
  }
  const doc = (uses.find((u) => u.record.kind === DecoratorKind.node)?.record.args as NodeOptions | undefined)?.doc ?? '';
  const context = methodContext(featureSet, method, config, origin, doc, environment, givenName(uses, origin));
  let nodes: NodeDefinition[] | undefined;
  for (const phase of PHASES) {
    for (const { modifier, record } of uses) {
      if (modifier.phase !== phase) continue;
      if (phase === 'resolve') {
        if (modifier.include && !modifier.include(record.args, context)) return [];
        continue;
      }
      nodes = modifier.apply ? modifier.apply(nodes ?? (phase === 'generate' ? [] : [context.baseNode()]), record.args, context) : nodes;
    }
  }
  return nodes ?? [context.baseNode()];
}

function modifierUses(records: readonly DecoratorRecord[], origin: string): ModifierUse[] {
  if (records.length === 0) return [];
  const seen = new Set<string>();
  return records.map((record) => {
    const modifier = MODIFIERS.get(record.kind);
    if (!modifier) throw new InvalidDecoratorError(Messages.unknownDecorator(origin, record.kind));
    if (!modifier.allowsMultiple && seen.has(record.kind)) {
      throw new InvalidDecoratorError(Messages.repeatedDecorator(origin, record.kind));
    }
    seen.add(record.kind);
    return { modifier, record };
  });
}

/** The node name a resolve-phase decorator gives (`@configWhen(cond, { name })`); two different ones are an error. */
function givenName(uses: readonly ModifierUse[], origin: string): string | undefined {
  let name: string | undefined;
  for (const { modifier, record } of uses) {
    const given = modifier.phase === 'resolve' ? modifier.nodeName?.(record.args) : undefined;
    if (given === undefined || given === name) continue;
    if (name !== undefined) throw new InvalidDecoratorError(Messages.config.twoNames(origin, name, given));
    name = given;
  }
  return name;
}

/** `surveyResults__batch` -> `surveyResults` (cut at the last `__`). */
export function nodeNameOf(method: string, origin: string): string {
  const cut = method.lastIndexOf(VARIANT_SEPARATOR);
  if (cut < 0) return method;
  if (cut + VARIANT_SEPARATOR.length === method.length) {
    throw new InvalidDecoratorError(Messages.trailingVariantSeparator(origin));
  }
  return method.slice(0, cut);
}

function methodContext(
  featureSet: FeatureSetInstance,
  method: DiscoveredMethod,
  config: Config,
  origin: string,
  doc: string,
  environment: ResolveEnvironment,
  givenNodeName: string | undefined,
): MethodContext {
  const nodeName = givenNodeName ?? nodeNameOf(method.name, origin);
  const prototype = method.declaringClass.prototype as object;
  let parameters: readonly ParameterSpec[] | undefined;
  let parameterTypes: readonly NodeType[] | undefined;
  const context: MethodContext = {
    featureSet: featureSet.cls.name,
    method: method.name,
    nodeName,
    origin,
    fn: method.fn,
    instance: featureSet.instance,
    config,
    doc,
    resolveInner: environment.resolveInner,
    // Read lazily: a method that config excludes is never parsed.
    get parameters() {
      return (parameters ??= readParameters(method.fn, origin));
    },
    get parameterTypes() {
      return (parameterTypes ??= parameterTypesOf(prototype, method.name, context.parameters));
    },
    get returnType() {
      return returnTypeOf(prototype, method.name);
    },
    baseNode: () => baseNode(context),
  };
  return context;
}

/** The parameter types TypeScript's decorator metadata declares (`undefined` where it says nothing). */
function parameterTypesOf(prototype: object, method: string, parameters: readonly ParameterSpec[]): NodeType[] {
  const declared = Reflect.getOwnMetadata(DESIGN_PARAM_TYPES, prototype, method) as unknown[] | undefined;
  return parameters.map((_, i) => knownType(declared?.[i]));
}

function returnTypeOf(prototype: object, method: string): NodeType {
  return knownType(Reflect.getOwnMetadata(DESIGN_RETURN_TYPE, prototype, method));
}

function baseNode(context: MethodContext): NodeDefinition {
  const { parameters, parameterTypes } = context;
  return nodeOf(
    context.featureSet,
    context.nodeName,
    context.origin,
    context.doc,
    context.fn,
    context.instance,
    parameters,
    parameterTypes,
    context.returnType,
  );
}

/** The node a method itself defines, before any modifier. */
function nodeOf(
  featureSet: string,
  nodeName: string,
  origin: string,
  doc: string,
  fn: Function,
  instance: object,
  parameters: readonly ParameterSpec[],
  parameterTypes: readonly NodeType[],
  returnType: NodeType,
): NodeDefinition {
  return {
    name: nodeName,
    type: returnType,
    doc,
    tags: { [MODULE_TAG]: featureSet },
    dependencies: parameters.map((p, i) => ({ name: p.name, optional: p.optional, type: parameterTypes[i] })),
    originatingFunctions: [origin],
    featureSet,
    callable: methodCaller(fn, instance),
  };
}

/**
 * Calls the method on its instance. Made in a function of its own: a closure made in `nodeOf` would keep that
 * call's whole scope (the parameter and type arrays) alive for the graph's life, ~100 bytes a node.
 */
function methodCaller(fn: Function, instance: object): (args: unknown[]) => unknown {
  return (args) => fn.apply(instance, args) as unknown;
}

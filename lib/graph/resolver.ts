import 'reflect-metadata';
import { DecoratorKind, DESIGN_PARAM_TYPES, DESIGN_RETURN_TYPE, MODULE_TAG, VARIANT_SEPARATOR } from '../constants/metadata-keys.js';
import type { NodeOptions } from '../decorators/node.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { getRegistry, type DecoratorRecord } from '../metadata/registry.js';
import { discoverMethods, type DiscoveredMethod } from './discovery.js';
import { MODIFIERS, PHASES, type Config, type MethodContext, type NodeModifier } from './modifiers/index.js';
import type { NodeDefinition } from './node.js';
import { readParameters, type ParameterSpec } from './parameters.js';
import { knownType, type NodeType } from './types.js';

/** A feature set ready to resolve: its class and the instance whose methods run. */
export interface FeatureSetInstance {
  readonly cls: Function;
  readonly instance: object;
}

/**
 * Turns a feature set into node definitions: every discovered method, shaped by the modifiers of the
 * decorators recorded on it, applied in phase order (config, generate, expand, transform, decorate).
 */
export function resolveFeatureSet(featureSet: FeatureSetInstance, config: Config): NodeDefinition[] {
  const nodes: NodeDefinition[] = [];
  for (const method of discoverMethods(featureSet.cls)) {
    nodes.push(...resolveMethod(featureSet, method, config));
  }
  return nodes;
}

interface ModifierUse {
  readonly modifier: NodeModifier;
  readonly record: DecoratorRecord;
}

function resolveMethod(featureSet: FeatureSetInstance, method: DiscoveredMethod, config: Config): NodeDefinition[] {
  const featureSetName = featureSet.cls.name;
  const origin = `${featureSetName}.${method.name}`;
  const uses = modifierUses(getRegistry().recordsOf(method.declaringClass, method.name), origin);
  const doc = (uses.find((u) => u.record.kind === DecoratorKind.node)?.record.args as NodeOptions | undefined)?.doc ?? '';
  const context = methodContext(featureSet, method, config, origin, uses.length > 0, doc);
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
  decorated: boolean,
  doc: string,
): MethodContext {
  const nodeName = nodeNameOf(method.name, origin);
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
    // Read lazily: a method that config excludes is never parsed.
    get parameters() {
      return (parameters ??= readParameters(method.fn, origin));
    },
    get parameterTypes() {
      if (parameterTypes) return parameterTypes;
      const declared = decorated ? (Reflect.getOwnMetadata(DESIGN_PARAM_TYPES, prototype, method.name) as unknown[]) : undefined;
      return (parameterTypes = context.parameters.map((_, i) => knownType(declared?.[i])));
    },
    get returnType() {
      return decorated ? knownType(Reflect.getOwnMetadata(DESIGN_RETURN_TYPE, prototype, method.name)) : undefined;
    },
    baseNode: () => baseNode(context),
  };
  return context;
}

function baseNode(context: MethodContext): NodeDefinition {
  const { fn, instance, parameterTypes } = context;
  return {
    name: context.nodeName,
    type: context.returnType,
    doc: context.doc,
    tags: { [MODULE_TAG]: context.featureSet },
    dependencies: context.parameters.map((p, i) => ({ name: p.name, optional: p.optional, type: parameterTypes[i] })),
    originatingFunctions: [context.origin],
    featureSet: context.featureSet,
    callable: (args) => fn.apply(instance, args),
  };
}

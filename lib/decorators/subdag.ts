import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Constructor } from '../metadata/registry.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isParameterRef, type SourceRef, type ValueRef } from './refs.js';
import { checkedOptions, checkedRecord } from './argument-checks.js';
import { describe } from './tag-rules.js';

/** How a sub-graph is fed: its inputs bound to literals or outer nodes, and config of its own. */
export interface SubdagOptions {
  /** Inner inputs: `value(x)` literals or `source('outerNode')`. */
  readonly inputs?: Readonly<Record<string, ValueRef | SourceRef>>;
  /** Config for the inner feature sets, merged over the driver's config. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** One sub-graph to build: its namespace (the method's node name when absent) and its bindings. */
export interface SubdagInstance extends SubdagOptions {
  readonly name?: string;
}

/** What `@subdag` and `@parameterizedSubdag` record. */
export interface SubdagArgs {
  readonly decorator: string;
  readonly featureSets: readonly Constructor[];
  readonly instances: readonly SubdagInstance[];
}

/**
 * Builds the feature sets again as a sub-graph under the method's name as namespace (`method.inner`), fed by
 * the bindings; the method's parameters name inner nodes (any other parameter reads the outer graph), and its
 * result is the node. The same classes can still be used on their own in the same driver.
 *
 * @example
 * @subdag([SpendFeatures], { inputs: { spend: source('eastSpend') }, config: { window: 4 } })
 * eastSummary(avg3wkSpend: Series): number { return avg3wkSpend.mean(); }
 */
export function subdag(featureSets: readonly Constructor[], options: SubdagOptions = {}): MethodDecorator {
  return recordingDecorator(DecoratorKind.subdag, checkedSubdagArgs('subdag', featureSets, [checkedSubdagOptions('subdag', options)]));
}

/** One set of sub-graph options (`{ inputs?, config? }`), checked for shape: objects where objects go. */
export function checkedSubdagOptions(decorator: string, options: unknown, where = 'options'): SubdagOptions {
  const checked = checkedOptions<SubdagOptions>(
    decorator,
    options,
    ['inputs', 'config'],
    "{ inputs: { spend: source('eastSpend') }, config: { window: 4 } }",
    where,
  );
  const example = { inputs: "{ spend: source('eastSpend') }", config: '{ window: 4 }' } as const;
  for (const key of ['inputs', 'config'] as const) {
    if (checked[key] !== undefined) checkedRecord(decorator, `${where}.${key}`, checked[key], example[key]);
  }
  return checked;
}

/** Validates the parts of sub-graph arguments that do not depend on the method. */
export function checkedSubdagArgs(decorator: string, featureSets: readonly Constructor[], instances: readonly SubdagInstance[]): SubdagArgs {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument(decorator, problem));
  if (!Array.isArray(featureSets) || featureSets.length === 0) throw fail(Messages.subdagNoFeatureSets);
  for (const featureSet of featureSets) {
    if (typeof featureSet !== 'function') throw fail(`feature sets are classes, got ${describe(featureSet)}.`);
  }
  for (const instance of instances) {
    for (const [key, ref] of Object.entries(instance.inputs ?? {}) as [string, unknown][]) {
      if (!isParameterRef(ref) || ref.kind === 'group') {
        throw fail(`input '${key}' must be value(...) or source('node'), got ${describe(ref)}.`);
      }
    }
  }
  return { decorator, featureSets: featureSets.slice(), instances: instances.map((i) => ({ ...i })) };
}

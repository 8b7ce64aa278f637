import type { Container } from 'inversify';
import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { LifecycleAdapter } from '../execution/adapters.js';
import type { Config } from '../graph/modifiers/index.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from '../results/result-builder.js';
import type { FeatureSet } from './instantiate.js';

/*
 * Checks of what the Builder's methods and `new Driver(config, ...featureSets)` are given, made when they are
 * called: plain JavaScript (or a cast) can pass anything, and a wrong value must be named where it was passed,
 * not fail later as a TypeError deep inside a run.
 */

/** The hooks a lifecycle adapter may have; those present must be functions. */
const ADAPTER_HOOKS = ['beforeGraphExecute', 'beforeNodeExecute', 'afterNodeExecute', 'afterGraphExecute'] as const;

/** Config: a plain object of keys and values. */
export function checkedConfig(where: string, config: unknown): Config {
  if (typeof config === 'function') throw new HamiltonError(Messages.arguments.classAsConfig(where, describeValue(config)));
  if (config === null || typeof config !== 'object' || Array.isArray(config) || config instanceof Map) {
    throw new HamiltonError(Messages.arguments.badConfig(where, describeValue(config)));
  }
  return config as Config;
}

/** Feature sets: classes or instances of classes (not plain objects, arrays or primitives). */
export function checkFeatureSets(where: string, featureSets: readonly unknown[]): asserts featureSets is readonly FeatureSet[] {
  featureSets.forEach((featureSet, position) => {
    if (typeof featureSet === 'function') return;
    if (Array.isArray(featureSet)) throw new HamiltonError(Messages.arguments.featureSetList(where, position, describeValue(featureSet)));
    const prototype: unknown = featureSet === null || typeof featureSet !== 'object' ? null : Object.getPrototypeOf(featureSet);
    if (prototype === null || prototype === Object.prototype) {
      throw new HamiltonError(Messages.arguments.notAFeatureSet(where, position, describeValue(featureSet)));
    }
  });
}

/** A result builder: an object with `build(outputs)`. */
export function checkResultBuilder(resultBuilder: unknown): asserts resultBuilder is ResultBuilder<unknown> {
  if (typeof resultBuilder === 'function' && typeof (resultBuilder.prototype as { build?: unknown } | undefined)?.build === 'function') {
    throw new HamiltonError(Messages.arguments.classNotInstance('withResultBuilder', resultBuilder.name));
  }
  if (resultBuilder === null || typeof resultBuilder !== 'object' || typeof (resultBuilder as { build?: unknown }).build !== 'function') {
    throw new HamiltonError(Messages.arguments.badResultBuilder(describeValue(resultBuilder)));
  }
}

/** Lifecycle adapters: objects whose hooks, where present, are functions. */
export function checkAdapters(adapters: readonly unknown[]): asserts adapters is readonly LifecycleAdapter[] {
  adapters.forEach((adapter, position) => {
    if (typeof adapter === 'function') throw new HamiltonError(Messages.arguments.classNotInstance('withAdapters', adapter.name));
    if (adapter === null || typeof adapter !== 'object' || Array.isArray(adapter)) {
      throw new HamiltonError(Messages.arguments.badAdapter(position, describeValue(adapter), ADAPTER_HOOKS));
    }
    for (const hook of ADAPTER_HOOKS) {
      const fn = (adapter as Record<string, unknown>)[hook];
      if (fn !== undefined && typeof fn !== 'function') {
        throw new HamiltonError(Messages.arguments.badAdapterHook(position, hook, describeValue(fn)));
      }
    }
  });
}

/** An inversify container: what the driver calls on it. */
export function checkContainer(container: unknown): asserts container is Container {
  const candidate = container as { isBound?: unknown; get?: unknown; bind?: unknown } | null;
  const usable =
    typeof candidate === 'object' && candidate !== null && ['isBound', 'get', 'bind'].every((m) => typeof candidate[m as 'get'] === 'function');
  if (!usable) throw new HamiltonError(Messages.arguments.badContainer(describeValue(container)));
}

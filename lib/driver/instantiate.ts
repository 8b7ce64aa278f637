import type { Container } from 'inversify';
import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { FeatureSetInstance } from '../graph/resolver.js';
import { describeValue } from '../metadata/value-types.js';
import type { Constructor } from '../metadata/registry.js';

/** A feature set as given to a driver: a class (instantiated through the container) or an instance. */
export type FeatureSet = Constructor | object;

/**
 * Resolves feature sets through the inversify container, so `@injectable()` classes get their constructor
 * dependencies; a class the container does not know is bound to itself as a singleton first. Instances are
 * used as they are.
 */
export function instantiateFeatureSets(featureSets: readonly FeatureSet[], container: Container): FeatureSetInstance[] {
  return featureSets.map((featureSet) => {
    if (typeof featureSet === 'function') {
      const cls = featureSet as Constructor<object>;
      try {
        if (!container.isBound(cls)) container.bind(cls).toSelf().inSingletonScope();
        return { cls, instance: container.get(cls) };
      } catch (error) {
        throw new HamiltonError(Messages.cannotInstantiate(cls.name, (error as Error).message), { cause: error });
      }
    }
    // Nodes come from a class's methods: a plain object or an array (say, an unspread list) has none to give.
    const prototype: unknown = featureSet === null || typeof featureSet !== 'object' ? null : Object.getPrototypeOf(featureSet);
    if (prototype === null || prototype === Object.prototype || Array.isArray(featureSet)) {
      throw new HamiltonError(Messages.notAFeatureSet(describeValue(featureSet)));
    }
    return { cls: featureSet.constructor, instance: featureSet };
  });
}

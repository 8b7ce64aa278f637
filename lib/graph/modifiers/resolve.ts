import 'reflect-metadata';
import { DecoratorKind, DESIGN_PARAM_TYPES, DESIGN_RETURN_TYPE, POWER_USER_MODE } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import type { ResolveArgs } from '../../decorators/resolve.js';
import { describeCause, InvalidDecoratorError } from '../../errors/index.js';
import { getRegistry, type DecoratorRecord } from '../../metadata/registry.js';
import type { DiscoveredMethod } from '../discovery.js';
import { readParameters } from '../parameters.js';
import type { Config } from './modifier.js';

/**
 * `@resolve`: replaces each of its records by the records of the decorator `decorateWith` returns for this
 * config, before any modifier applies (so the made decorator may be of any phase, config selection included).
 * Records without `@resolve` are returned as they are.
 */
export function resolveDelayed(
  records: readonly DecoratorRecord[],
  method: DiscoveredMethod,
  config: Config,
  origin: string,
): readonly DecoratorRecord[] {
  if (!records.some((r) => r.kind === DecoratorKind.resolve)) return records;
  if (config[POWER_USER_MODE] !== true) throw new InvalidDecoratorError(Messages.resolve.notPowerUser(origin, POWER_USER_MODE));
  return records.flatMap((record) => {
    if (record.kind !== DecoratorKind.resolve) return [record];
    const made = madeDecorator((record.args as ResolveArgs).decorateWith as (...values: unknown[]) => unknown, config, origin);
    return resolveDelayed(recordsOf(made, method, origin), method, config, origin);
  });
}

/** A decorator called the legacy way: prototype, member name, descriptor. */
type LegacyDecorator = (prototype: object, member: string, descriptor: PropertyDescriptor) => unknown;

/** Calls `decorateWith` with the config values its parameters name. */
function madeDecorator(decorateWith: (...values: unknown[]) => unknown, config: Config, origin: string): LegacyDecorator {
  const parameters = readParameters(decorateWith, `${origin} (@resolve decorateWith)`);
  const missing = parameters.filter((p) => !p.optional && !Object.hasOwn(config, p.name)).map((p) => p.name);
  if (missing.length > 0) throw new InvalidDecoratorError(Messages.resolve.missingConfig(origin, missing));
  // An optional key missing from config is passed as undefined, so the callback's default applies.
  const values = parameters.map((p) => (Object.hasOwn(config, p.name) ? config[p.name] : undefined));
  let made: unknown;
  try {
    made = decorateWith(...values);
  } catch (error) {
    throw new InvalidDecoratorError(Messages.resolve.callbackThrew(origin, describeCause(error)), { cause: error });
  }
  if (typeof made !== 'function') throw new InvalidDecoratorError(Messages.resolve.notADecorator(origin, made === null ? 'null' : typeof made));
  return made as LegacyDecorator;
}

/**
 * What a decorator records when applied to the method: it is applied to a stand-in class (with the method's
 * type metadata), its records read and the stand-in forgotten, so the real class's records never change.
 */
function recordsOf(decorator: LegacyDecorator, method: DiscoveredMethod, origin: string): DecoratorRecord[] {
  const StandIn = function () {};
  const prototype = StandIn.prototype as object;
  const real = method.declaringClass.prototype as object;
  for (const key of [DESIGN_PARAM_TYPES, DESIGN_RETURN_TYPE]) {
    const metadata: unknown = Reflect.getOwnMetadata(key, real, method.name);
    if (metadata !== undefined) Reflect.defineMetadata(key, metadata, prototype, method.name);
  }
  const descriptor: PropertyDescriptor = { value: method.fn, writable: true, configurable: true, enumerable: false };
  Object.defineProperty(prototype, method.name, descriptor);
  const registry = getRegistry();
  try {
    decorator(prototype, method.name, descriptor);
    return registry.recordsOf(StandIn, method.name).map((record) => ({ ...record, target: method.declaringClass }));
  } catch (error) {
    if (error instanceof InvalidDecoratorError) throw new InvalidDecoratorError(`${origin} (@resolve): ${error.message}`, { cause: error });
    throw new InvalidDecoratorError(Messages.resolve.callbackThrew(origin, describeCause(error)), { cause: error });
  } finally {
    registry.forget(StandIn);
  }
}

/** A method found on a feature set, with the class in the prototype chain that declares it. */
export interface DiscoveredMethod {
  readonly name: string;
  readonly fn: Function;
  readonly declaringClass: Function;
}

/**
 * The public methods of a class and its base classes (nearest declaration wins, so an override replaces the
 * base method). Not nodes: the constructor, names starting with `_`, accessors, statics, `Object.prototype`.
 */
export function discoverMethods(cls: Function): DiscoveredMethod[] {
  const found = new Map<string, DiscoveredMethod>();
  const seen = new Set<string>();
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (name === 'constructor' || name.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor || descriptor.get || descriptor.set || typeof descriptor.value !== 'function') continue;
      found.set(name, { name, fn: descriptor.value, declaringClass: proto.constructor });
    }
  }
  return [...found.values()];
}

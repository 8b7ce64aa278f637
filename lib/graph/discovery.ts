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
  const found: DiscoveredMethod[] = [];
  // Names the nearer classes declare (methods or not); filled only once there is a base class to walk,
  // since the names of one prototype are unique.
  let seen: Set<string> | undefined;
  let nearer: readonly string[] = [];
  for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (nearer.length > 0) {
      seen ??= new Set();
      for (const name of nearer) seen.add(name);
    }
    const names = Object.getOwnPropertyNames(proto);
    for (const name of names) {
      if (seen?.has(name)) continue;
      if (name === 'constructor' || name.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor || descriptor.get || descriptor.set || typeof descriptor.value !== 'function') continue;
      found.push({ name, fn: descriptor.value as Function, declaringClass: proto.constructor });
    }
    nearer = names;
  }
  return found;
}

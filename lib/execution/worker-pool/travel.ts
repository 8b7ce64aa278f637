/**
 * Whether a value survives structured clone, the copy `postMessage` makes between threads, unchanged enough
 * to be used on the other side. Functions and symbols make the copy fail; a class instance is copied as a
 * plain object, which is silently wrong when code calls its methods, so one with methods is refused too.
 */

/** Where a value sits inside the value being checked, built into a path only when there is a problem. */
interface Place {
  readonly value: object;
  readonly parent: Place | undefined;
  readonly key: string;
}

const methodsOfPrototype = new WeakMap<object, readonly string[]>();

/** What in `value` cannot travel (`value.rows[3].format is a function`), or `undefined` when all of it can. */
export function travelProblem(value: unknown, name = 'value'): string | undefined {
  const own = primitiveProblem(value);
  if (own) return `${name} ${own}`;
  if (!isObject(value)) return undefined;
  // An explicit stack, not recursion: a deep list must not overflow the stack of the thread checking it.
  const stack: Place[] = [{ value, parent: undefined, key: name }];
  const seen = new Set<object>([value]);
  const visit = (child: unknown, parent: Place, key: string): string | undefined => {
    const problem = primitiveProblem(child);
    if (problem) return `${pathOf(parent)}${key} ${problem}`;
    if (isObject(child) && !seen.has(child)) {
      seen.add(child);
      stack.push({ value: child, parent, key });
    }
    return undefined;
  };
  while (stack.length > 0) {
    const place = stack.pop()!;
    const object = place.value;
    if (isOpaque(object)) continue;
    let problem: string | undefined;
    if (Array.isArray(object)) {
      for (let i = 0; i < object.length && !problem; i++) problem = visit(object[i], place, `[${i}]`);
    } else if (object instanceof Map) {
      for (const [key, entry] of object) {
        problem = visit(key, place, '<a Map key>') ?? visit(entry, place, `.get(${label(key)})`);
        if (problem) break;
      }
    } else if (object instanceof Set) {
      for (const entry of object) if ((problem = visit(entry, place, '<a Set entry>'))) break;
    } else {
      const methods = methodsOf(Object.getPrototypeOf(object) as object | null);
      if (methods.length > 0) return `${pathOf(place.parent)}${place.key} ${instanceProblem(object, methods)}`;
      for (const key of Object.keys(object)) if ((problem = visit((object as Record<string, unknown>)[key], place, `.${key}`))) break;
    }
    if (problem) return problem;
  }
  return undefined;
}

function primitiveProblem(value: unknown): string | undefined {
  if (typeof value === 'function') return `is a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'symbol') return 'is a symbol';
  return undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Values structured clone copies whole, with their type: nothing inside them to check. */
function isOpaque(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof SharedArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Error ||
    value instanceof Boolean ||
    value instanceof Number ||
    value instanceof String
  );
}

/** Own methods and accessors along a prototype chain, up to (not including) Object.prototype. */
function methodsOf(prototype: object | null): readonly string[] {
  if (prototype === null || prototype === Object.prototype) return [];
  let methods = methodsOfPrototype.get(prototype);
  if (methods === undefined) {
    const own = Reflect.ownKeys(prototype)
      .filter((key) => key !== 'constructor')
      .map((key) => String(key));
    methods = [...own, ...methodsOf(Object.getPrototypeOf(prototype) as object | null)];
    methodsOfPrototype.set(prototype, methods);
  }
  return methods;
}

function instanceProblem(object: object, methods: readonly string[]): string {
  const cls = (object.constructor as { name?: string } | undefined)?.name || 'a class';
  const shown = methods.slice(0, 3).join(', ') + (methods.length > 3 ? ', ...' : '');
  return `is an instance of ${cls} with methods (${shown}), which the copy to another thread would lose`;
}

function pathOf(place: Place | undefined): string {
  let path = '';
  for (let p = place; p; p = p.parent) path = p.key + path;
  return path;
}

function label(key: unknown): string {
  return typeof key === 'string' ? JSON.stringify(key) : typeof key === 'object' && key !== null ? '<object>' : String(key);
}

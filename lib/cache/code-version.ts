import type { FunctionGraph } from '../graph/function-graph.js';
import { originParts } from '../graph/function-graph.js';
import { discoverMethods, type DiscoveredMethod } from '../graph/discovery.js';
import type { GraphNode } from '../graph/node.js';
import { DecoratorKind } from '../constants/metadata-keys.js';
import { getRegistry } from '../metadata/registry.js';
import { moduleFileExporting } from '../metadata/module-file.js';
import { CacheMessages } from './messages.js';
import { hashStrings } from './hash.js';
import { moduleHelpers, normalisedSource, referencedHelpers, type ModuleHelpers } from './source.js';

const NO_HELPERS: ModuleHelpers = new Map();
/** The prefix of the tags `@cache` sets. */
const CACHE_TAG_PREFIX = 'cache.';

/** A node's code version, or why it has none (the node is then not cached). */
export type CodeVersion = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly reason: string };

/**
 * Code versions of a graph's nodes. A node's version hashes its method's source (tokens only: whitespace and
 * comments do not count), the decorators recorded on the method (their kinds and arguments, functions by their
 * source), and the module-local helper functions the method calls, directly or through other helpers (read from
 * the module's file with acorn's tokenizer, the parser that reads parameter names). Editing a helper therefore
 * invalidates the nodes that use it. Input and config nodes have no code.
 */
export class CodeVersions {
  private readonly byNode = new Map<string, CodeVersion>();
  private readonly classes = new Map<string, Function | null>();
  private readonly helpersByFile = new Map<string, ModuleHelpers | { readonly error: string }>();
  private readonly fileByClass = new Map<Function, string | undefined>();
  private readonly methodsByClass = new Map<Function, Map<string, DiscoveredMethod>>();
  private dag: string | undefined;

  constructor(
    private readonly graph: FunctionGraph,
    featureSetClasses: readonly Function[],
  ) {
    for (const cls of featureSetClasses) this.addClass(cls, 0);
  }

  /** The node's code version (computed once). */
  of(node: GraphNode): CodeVersion {
    let version = this.byNode.get(node.name);
    if (!version) this.byNode.set(node.name, (version = this.compute(node)));
    return version;
  }

  /** The DAG version: every node's name with its code version (or role and type for inputs and config). */
  get dagVersion(): string {
    this.dag ??= hashStrings(
      this.graph.nodes
        .map((node) => {
          const code = node.role === 'function' ? this.of(node) : undefined;
          return `${node.name}=${code ? (code.ok ? code.version : 'unversioned') : node.role}`;
        })
        .sort(),
    );
    return this.dag;
  }

  private compute(node: GraphNode): CodeVersion {
    const origin = originParts(node);
    if (!origin) return { ok: false, reason: CacheMessages.noCode(node.name) };
    const cls = this.classes.get(origin.class);
    if (!cls) return { ok: false, reason: CacheMessages.classNotFound(node.name, origin.class, cls === null) };
    let methods = this.methodsByClass.get(cls);
    if (!methods) this.methodsByClass.set(cls, (methods = new Map(discoverMethods(cls).map((m) => [m.name, m]))));
    const method = methods.get(origin.method);
    if (!method) return { ok: false, reason: CacheMessages.classNotFound(node.name, origin.class, false) };
    let source: string;
    try {
      source = withoutOwnName(normalisedSource(Function.prototype.toString.call(method.fn)), origin.method);
    } catch (error) {
      return { ok: false, reason: CacheMessages.unreadableSource(`${origin.class}.${origin.method}`, (error as Error).message) };
    }
    const helpers = this.helpersOf(method.declaringClass);
    if ('error' in helpers) return { ok: false, reason: CacheMessages.unreadableSource(`${origin.class}.${origin.method}`, helpers.error) };
    const decorators = getRegistry()
      .recordsOf(method.declaringClass, method.name)
      .flatMap((record) => {
        if (record.kind !== DecoratorKind.tag) return [`${record.kind}(${canonical(record.args, 0)})`];
        const kept = withoutCacheTags(record.args);
        return kept === null ? [] : [`${record.kind}(${canonical(kept, 0)})`];
      });
    const used = referencedHelpers(source, helpers);
    return { ok: true, version: hashStrings([source, ...decorators, ...used.map((name) => `${name}:${helpers.get(name)!.source}`)]) };
  }

  private helpersOf(cls: Function): ModuleHelpers | { readonly error: string } {
    // Looked up once per class: finding the file walks every loaded module.
    if (!this.fileByClass.has(cls)) this.fileByClass.set(cls, moduleFileExporting(cls));
    const file = this.fileByClass.get(cls);
    // A class outside any module file (made at run time) has no module-local helpers to read.
    if (!file) return NO_HELPERS;
    let helpers = this.helpersByFile.get(file);
    if (!helpers) {
      try {
        helpers = moduleHelpers(file);
      } catch (error) {
        helpers = { error: (error as Error).message };
      }
      this.helpersByFile.set(file, helpers);
    }
    return helpers;
  }

  /**
   * Knows a class by name, with its bases and the classes its decorators name (a sub-graph's feature sets).
   * Two different classes of one name make that name ambiguous (null): their nodes are not cached.
   */
  private addClass(cls: Function, depth: number): void {
    if (depth > 8) return;
    for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) {
      const known = this.classes.get(c.name);
      if (known === c) return;
      if (known !== undefined) {
        this.classes.set(c.name, null);
        continue;
      }
      this.classes.set(c.name, c);
      for (const method of discoverMethods(c)) {
        for (const record of getRegistry().recordsOf(method.declaringClass, method.name)) {
          for (const named of classesIn(record.args, 0)) this.addClass(named, depth + 1);
        }
      }
    }
  }
}

/**
 * A method's normalised source without its own name (`total ( a ) { ... }` -> `( a ) { ... }`), so renaming a
 * method keeps its code version and `@cache({ formerNames })` can find its cache.
 */
export function withoutOwnName(source: string, name: string): string {
  // Plain string checks, not a regular expression made per method: this runs for every node of every driver.
  const head = `${name} (`;
  let at = 0;
  while (!source.startsWith(head, at)) {
    const modifier = MODIFIERS.find((m) => source.startsWith(m, at));
    if (modifier === undefined) return source;
    at += modifier.length;
  }
  return source.slice(0, at) + source.slice(at + name.length + 1);
}

/** What may stand before a method's name in its normalised source. */
const MODIFIERS = ['async ', 'static ', 'get ', 'set ', '* '];

/**
 * A tag record without the cache's own tags (`@cache`'s behaviour, format and former names): they say how the node
 * is cached, not what it computes, so adding `formerNames` with a rename keeps the code version. Null when
 * nothing else is left.
 */
function withoutCacheTags(args: unknown): unknown {
  const { tags, ...rest } = args as { tags?: Record<string, unknown> };
  if (tags === undefined) return args;
  const kept = Object.fromEntries(Object.entries(tags).filter(([key]) => !key.startsWith(CACHE_TAG_PREFIX)));
  if (Object.keys(kept).length === 0 && Object.keys(rest).length === 0) return null;
  return { ...rest, tags: kept };
}

/** A decorator's arguments as text: keys sorted, functions by their normalised source, classes by name. */
function canonical(value: unknown, depth: number): string {
  if (depth > 16) return '…';
  if (typeof value === 'function') {
    if (isClass(value)) return `class ${value.name}`;
    try {
      return `fn ${normalisedSource(Function.prototype.toString.call(value))}`;
    } catch {
      return `fn ${Function.prototype.toString.call(value)}`;
    }
  }
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  if (value instanceof Map) return `Map{${[...value].map(([k, v]) => `${canonical(k, depth + 1)}:${canonical(v, depth + 1)}`).join(',')}}`;
  if (value instanceof Set) return `Set{${[...value].map((v) => canonical(v, depth + 1)).join(',')}}`;
  const keys = Object.keys(value).sort();
  const name = (value.constructor as Function | undefined)?.name ?? '';
  return `${name}{${keys.map((k) => `${k}:${canonical((value as Record<string, unknown>)[k], depth + 1)}`).join(',')}}`;
}

function classesIn(value: unknown, depth: number): Function[] {
  if (depth > 4) return [];
  if (typeof value === 'function') return isClass(value) ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value : Object.values(value);
  return entries.flatMap((entry) => classesIn(entry, depth + 1));
}

function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/**
 * Random dataflows for property tests, and a small reference evaluator that says what any driver must return
 * for them. A graph is nodes n0..nN in definition order: plain nodes, and optionally one fan-out (an expand
 * node, a run of per-item members, a collect); nodes may read up to three earlier nodes and one external input
 * (optionally with a default). Any node may fail on demand or be async.
 */
import * as fc from 'fast-check';
import { collect, parallelizable } from 'hamilton-ts';

type Kind = 'plain' | 'expand' | 'member' | 'collect';

export interface NodeShape {
  readonly name: string;
  readonly kind: Kind;
  /** Nodes it reads; for a collect, the first is the gathered one. */
  readonly reads: readonly string[];
  /** The external input it reads, if any, and its default (an optional parameter) if it has one. */
  readonly input?: { readonly name: string; readonly fallback?: number };
  /** 0: sync; 1: resolves at once; 2: resolves a turn later (an async generator for an expand node). */
  readonly async: 0 | 1 | 2;
  /** Items an expand node yields. */
  readonly items: number;
}

export interface Scenario {
  readonly nodes: readonly NodeShape[];
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, number>>;
  readonly overrides: Readonly<Record<string, number>>;
  /** Nodes that throw in this run. */
  readonly failing: readonly string[];
}

const INPUTS = ['i0', 'i1', 'i2'];
const MOD = 1_000_003;

/** Random scenarios; `allowAsync` false keeps every node synchronous (for the sync Driver). */
export function scenarios(allowAsync: boolean, allowFailures: boolean): fc.Arbitrary<Scenario> {
  const node = fc.record({
    reads: fc.array(fc.nat(), { maxLength: 3 }),
    input: fc.option(fc.record({ which: fc.nat(2), optional: fc.boolean() }), { freq: 3 }),
    async: allowAsync ? fc.constantFrom<0 | 1 | 2>(0, 1, 2) : fc.constant<0>(0),
    items: fc.nat(4),
    fails: allowFailures ? fc.nat(12).map((n) => n === 0) : fc.constant(false),
  });
  return fc
    .record({
      specs: fc.array(node, { minLength: 1, maxLength: 12 }),
      fanOut: fc.option(fc.record({ at: fc.nat(), size: fc.nat() }), { freq: 2 }),
      outputs: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      overrides: fc.array(fc.nat(), { maxLength: 2 }),
      given: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    })
    .map(({ specs, fanOut, outputs, overrides, given }) => {
      const count = specs.length;
      const kinds: Kind[] = specs.map(() => 'plain');
      if (fanOut && count >= 3) {
        const expand = fanOut.at % (count - 2);
        const members = 1 + (fanOut.size % Math.min(3, count - expand - 2));
        kinds[expand] = 'expand';
        for (let m = 1; m <= members; m++) kinds[expand + m] = 'member';
        kinds[expand + members + 1] = 'collect';
      }
      const names = specs.map((_, i) => `n${i}`);
      const expandAt = kinds.indexOf('expand');
      // Plain nodes before the fan-out, which its members may read: they cannot depend on its collect.
      const outside = names.filter((_, j) => j < expandAt && kinds[j] === 'plain');
      const ordered: NodeShape[] = specs.map((spec, i) => {
        let reads: string[];
        if (kinds[i] === 'member' || kinds[i] === 'collect') {
          const perItem = names.filter((_, j) => j < i && (kinds[j] === 'expand' || kinds[j] === 'member'));
          // A collect mostly gathers the last member, so the members' own reads matter to the result.
          const pick = spec.reads[0] ?? 0;
          const first = kinds[i] === 'collect' && pick % 4 !== 0 ? perItem[perItem.length - 1] : perItem[pick % perItem.length];
          reads = [first, ...spec.reads.slice(1).flatMap((r) => (outside.length > 0 ? [outside[r % outside.length]] : []))];
        } else {
          const candidates = names.filter((_, j) => j < i && (kinds[j] === 'plain' || kinds[j] === 'collect'));
          // An expand node reads little, so that what its members read is often not upstream of it.
          const wanted = kinds[i] === 'expand' ? spec.reads.slice(0, 1) : spec.reads;
          reads = wanted.flatMap((r) => (candidates.length > 0 ? [candidates[r % candidates.length]] : []));
        }
        reads = [...new Set(reads)];
        const input = spec.input
          ? { name: INPUTS[spec.input.which], ...(spec.input.optional ? { fallback: 100 + spec.input.which } : {}) }
          : undefined;
        return { name: names[i], kind: kinds[i], reads, input, async: spec.async, items: spec.items, fails: spec.fails };
      });
      const requestable = ordered.filter((n) => n.kind !== 'member').map((n) => n.name);
      const plain = ordered.filter((n) => n.kind === 'plain').map((n) => n.name);
      const usedInputs = new Set(ordered.flatMap((n) => (n.input ? [n.input.name] : [])));
      return {
        nodes: ordered,
        outputs: [...new Set(outputs.map((o) => requestable[o % requestable.length]))],
        inputs: Object.fromEntries(INPUTS.filter((name, k) => given[k] && usedInputs.has(name)).map((name) => [name, 10 + INPUTS.indexOf(name)])),
        overrides: Object.fromEntries(plain.length === 0 ? [] : overrides.map((o) => [plain[o % plain.length], 500 + o])),
        failing: (ordered as (NodeShape & { fails: boolean })[]).filter((n) => n.fails).map((n) => n.name),
      };
    });
}

/** The value a node computes from its arguments (arrays, as a collect receives, count three times their sum). */
function valueOf(name: string, args: readonly unknown[]): number {
  let value = Number(name.slice(1)) * 7 + 1;
  for (const arg of args) value += Array.isArray(arg) ? 3 * arg.reduce((a: number, b: number) => a + b, 0) : (arg as number);
  return ((value % MOD) + MOD) % MOD;
}

/** What a correct driver does with a scenario: its outputs, the inputs it misses, or the nodes that may fail it. */
export type Expected =
  | { readonly kind: 'ok'; readonly outputs: Record<string, unknown> }
  | { readonly kind: 'missing'; readonly inputs: readonly string[] }
  | { readonly kind: 'fails'; readonly nodes: readonly string[] };

export function reference(scenario: Scenario): Expected {
  const byName = new Map(scenario.nodes.map((n) => [n.name, n]));
  const overridden = (name: string) => Object.hasOwn(scenario.overrides, name);
  // What runs: the outputs' upstream, not past overrides; and which required inputs nobody gives.
  const needed = new Set<string>();
  const missing = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name) || overridden(name)) return;
    needed.add(name);
    const shape = byName.get(name)!;
    if (shape.input && shape.input.fallback === undefined && !Object.hasOwn(scenario.inputs, shape.input.name)) missing.add(shape.input.name);
    shape.reads.forEach(visit);
  };
  scenario.outputs.forEach(visit);
  if (missing.size > 0) return { kind: 'missing', inputs: [...missing].sort() };

  const failingRun = new Set<string>();
  const values = new Map<string, unknown>();
  const perItem = new Map<string, unknown[]>();
  const inputOf = (shape: NodeShape) => (shape.input ? [scenario.inputs[shape.input.name] ?? shape.input.fallback] : []);
  const evaluate = (name: string): unknown => {
    if (overridden(name)) return scenario.overrides[name];
    if (values.has(name)) return values.get(name);
    const shape = byName.get(name)!;
    let value: unknown;
    if (shape.kind === 'collect') {
      const [gathered, ...rest] = shape.reads;
      const items = runFanOut(gathered);
      value = valueOf(name, [items, ...rest.map(evaluate), ...inputOf(shape)]);
      if (scenario.failing.includes(name)) failingRun.add(name);
    } else {
      const args = [...shape.reads.map(evaluate), ...inputOf(shape)];
      if (scenario.failing.includes(name)) failingRun.add(name);
      const base = valueOf(name, args);
      value = shape.kind === 'expand' ? Array.from({ length: shape.items }, (_, t) => (base + t) % MOD) : base;
    }
    values.set(name, value);
    return value;
  };
  /** The plain nodes a member reads, directly or through the members it reads. */
  const outsideReads = (name: string): string[] => {
    const shape = byName.get(name)!;
    if (shape.kind === 'expand') return [];
    return shape.reads.flatMap((r) => (byName.get(r)!.kind === 'plain' ? [r] : outsideReads(r)));
  };
  /** The per-item values of a member (or the items of the expand node), in item order. */
  const runFanOut = (gathered: string): unknown[] => {
    const shape = byName.get(gathered)!;
    if (shape.kind === 'expand') return evaluate(gathered) as unknown[];
    // What the branch reads from outside runs before the fan-out, whether or not there are items.
    outsideReads(gathered).forEach(evaluate);
    const expand = scenario.nodes.find((n) => n.kind === 'expand')!;
    const items = evaluate(expand.name) as number[];
    if (!perItem.has(gathered)) {
      const results = items.map((item) => memberValue(gathered, item));
      perItem.set(gathered, results);
    }
    return perItem.get(gathered)!;
  };
  const memberValue = (name: string, item: number): number => {
    const shape = byName.get(name)!;
    if (shape.kind === 'expand') return item;
    if (scenario.failing.includes(name)) failingRun.add(name);
    const args = [
      ...shape.reads.map((r) => (byName.get(r)!.kind === 'member' || byName.get(r)!.kind === 'expand' ? memberValue(r, item) : evaluate(r))),
      ...inputOf(shape),
    ];
    return valueOf(name, args);
  };
  const outputs: Record<string, unknown> = {};
  for (const output of scenario.outputs) outputs[output] = evaluate(output);
  if (failingRun.size > 0) return { kind: 'fails', nodes: [...failingRun] };
  return { kind: 'ok', outputs };
}

/** A feature-set class for a scenario (nodes that fail read the global switch, so one driver serves many runs). */
export function featureSetOf(scenario: Scenario): Function {
  class Generated {}
  for (const shape of scenario.nodes) {
    const params = [
      ...shape.reads,
      ...(shape.input ? [shape.input.fallback === undefined ? shape.input.name : `${shape.input.name} = ${shape.input.fallback}`] : []),
    ];
    const args = [...shape.reads, ...(shape.input ? [shape.input.name] : [])];
    const compute = `let v = ${Number(shape.name.slice(1)) * 7 + 1};
      for (const a of [${args.join(', ')}]) v += Array.isArray(a) ? 3 * a.reduce((x, y) => x + y, 0) : a;
      v = ((v % ${MOD}) + ${MOD}) % ${MOD};`;
    const fail = `if (globalThis.__hamiltonFailing && globalThis.__hamiltonFailing.has('${shape.name}')) `;
    const result = shape.kind === 'expand' ? `Array.from({ length: ${shape.items} }, (_, t) => (v + t) % ${MOD})` : 'v';
    let body: string;
    if (shape.async === 0) body = `${compute} ${fail} throw new Error('${shape.name} failed'); return ${result};`;
    else if (shape.kind === 'expand' && shape.async === 2) {
      body = `${compute} ${fail} return Promise.reject(new Error('${shape.name} failed'));
        const items = ${result}; return (async function* () { for (const item of items) { await null; yield item; } })();`;
    } else {
      const settleLater = shape.async === 2 ? `new Promise((resolve) => setImmediate(() => resolve(${result})))` : `Promise.resolve(${result})`;
      body = `${compute} ${fail} return Promise.reject(new Error('${shape.name} failed')); return ${settleLater};`;
    }
    const method = new Function(...params, body);
    Object.defineProperty(Generated.prototype, shape.name, { value: method, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(Generated.prototype, shape.name)!;
    if (shape.kind === 'expand') parallelizable()(Generated.prototype, shape.name, descriptor);
    if (shape.kind === 'collect') collect(shape.reads[0])(Generated.prototype, shape.name, descriptor);
  }
  return Generated;
}

/** Makes the named nodes fail while `fn` runs. */
export async function withFailing<T>(nodes: readonly string[], fn: () => T | Promise<T>): Promise<T> {
  const global = globalThis as { __hamiltonFailing?: Set<string> };
  global.__hamiltonFailing = new Set(nodes);
  try {
    return await fn();
  } finally {
    global.__hamiltonFailing = undefined;
  }
}

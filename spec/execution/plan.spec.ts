import { expect } from 'chai';
import { HamiltonError, MissingInputError, UnknownNodeError, type LifecycleAdapter } from 'hamilton-ts';
import { LocalExecutor } from '../../lib/execution/local-executor.js';
import { executeSync } from '../../lib/execution/run.js';
import { createPlan, type ExecutionPlan } from '../../lib/execution/plan.js';
import { RunContext } from '../../lib/execution/run-context.js';
import { FunctionGraph } from '../../lib/graph/function-graph.js';

class Chain {
  a(x: number): number {
    return x + 1;
  }
  b(a: number): number {
    return a * 2;
  }
  c(b: number, a: number): number {
    return b + a;
  }
  d(c: number): number {
    return c * 10;
  }
  side(x: number): number {
    return -x;
  }
  withDefault(a: number, bonus = 100, extra = 0): number {
    return a + bonus + extra;
  }
  needsY(a: number, y: number): number {
    return a + y;
  }
}

const graphOf = (config: Record<string, unknown> = {}) =>
  FunctionGraph.build([{ cls: Chain, instance: new Chain() }], { config, allowModuleOverrides: false });

const plan = (graph: FunctionGraph, outputs: string[], inputKeys: string[] = ['x'], overrideKeys: string[] = []) =>
  createPlan(graph, { outputs, inputKeys, overrideKeys });

const stepNames = (p: ExecutionPlan) => p.steps.map((s) => s.node.name);

describe('execution/plan: what a run does', () => {
  const graph = graphOf();
  const nameOf = (index: number) => graph.nodes[index].name;

  it('schedules only what the outputs need, each node once, in topological order', () => {
    const p = plan(graph, ['d', 'b']);
    expect(stepNames(p)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(plan(graph, ['side']).steps.map((s) => s.node.name)).to.deep.equal(['side']);
  });

  it('feeds each step from its dependencies in parameter order', () => {
    const p = plan(graph, ['c']);
    const c = p.steps.find((s) => s.node.name === 'c')!;
    expect(c.argumentIndices.map(nameOf)).to.deep.equal(['b', 'a']);
    expect(c.upstreamSteps.map((i) => p.steps[i].node.name).sort()).to.deep.equal(['a', 'b']);
    expect(p.inputs.map((n) => n.name)).to.deep.equal(['x']);
  });

  it('counts the reads of each intermediate value, never of a requested output or an input', () => {
    const readsOf = (p: ExecutionPlan) =>
      Object.fromEntries(graph.nodes.filter((n) => p.readCounts[n.index] > 0).map((n) => [n.name, p.readCounts[n.index]]));
    expect(readsOf(plan(graph, ['d']))).to.deep.equal({ a: 2, b: 1, c: 1 });
    expect(readsOf(plan(graph, ['d', 'b']))).to.deep.equal({ a: 2, c: 1 });
  });

  it('links each step to the steps it reads and the steps that read it', () => {
    const p = plan(graph, ['d']);
    const links = Object.fromEntries(
      p.steps.map((s) => [
        s.node.name,
        [s.upstreamSteps.map((i) => p.steps[i].node.name).sort(), s.downstreamSteps.map((i) => p.steps[i].node.name).sort()],
      ]),
    );
    expect(links).to.deep.equal({
      a: [[], ['b', 'c']],
      b: [['a'], ['c']],
      c: [['a', 'b'], ['d']],
      d: [['c'], []],
    });
  });

  it('leaves an optional parameter that nothing provides to its default (-1), and uses it when provided', () => {
    const p = plan(graph, ['withDefault']);
    const step = p.steps.find((s) => s.node.name === 'withDefault')!;
    expect(step.argumentIndices.map((i) => (i < 0 ? -1 : nameOf(i)))).to.deep.equal(['a', -1, -1]);

    const provided = plan(graph, ['withDefault'], ['x', 'bonus']);
    const withBonus = provided.steps.find((s) => s.node.name === 'withDefault')!;
    expect(withBonus.argumentIndices.map((i) => (i < 0 ? -1 : nameOf(i)))).to.deep.equal(['a', 'bonus', -1]);
  });

  it('does not schedule the upstream of an overridden node', () => {
    // c still reads a, so a runs (and needs x); only b itself is not computed
    expect(stepNames(plan(graph, ['d'], ['x'], ['b']))).to.deep.equal(['a', 'c', 'd']);
    expect(stepNames(plan(graph, ['d'], [], ['c']))).to.deep.equal(['d']);
  });

  it('reports every missing input with the nodes that need it, sorted by input', () => {
    let error: unknown;
    try {
      plan(graph, ['needsY', 'side'], []);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MissingInputError);
    const missing = (error as MissingInputError).missing;
    expect(missing.map((m) => m.input)).to.deep.equal(['x', 'y']);
    expect([...missing[0].neededBy].sort()).to.deep.equal(['a', 'side'].map((n) => `Chain.${n}`));
    expect(missing[1].neededBy).to.deep.equal(['Chain.needsY']);
  });

  it('a requested plain input that is not given is missing as a requested output', () => {
    expect(() => plan(graph, ['x'], [])).to.throw(MissingInputError, /x/);
    expect(stepNames(plan(graph, ['x']))).to.deep.equal([]);
  });

  it('reports unknown outputs and overrides together', () => {
    expect(() => plan(graph, ['dd', 'zzz'], ['x'], ['bb']))
      .to.throw(UnknownNodeError)
      .with.property('unknown')
      .that.satisfies((u: Array<{ name: string }>) => u.map((x) => x.name).join() === 'dd,zzz,bb');
  });

  it('rejects inputs that repeat config keys or name computed nodes', () => {
    const configured = graphOf({ x: 1 });
    expect(() => plan(configured, ['a'], ['x'])).to.throw(HamiltonError, /'x'/);
    expect(() => plan(graph, ['d'], ['x', 'b'])).to.throw(HamiltonError, /'b'.*Chain\.b.*overrides/s);
  });

  describe('running a plan (RunContext + LocalExecutor)', () => {
    /** Runs a plan and records which value slots hold something before each step runs. */
    function runAndWatch(outputs: string[]) {
      const p = plan(graph, outputs);
      const held: Record<string, string[]> = {};
      let context: RunContext | undefined;
      const watcher: LifecycleAdapter = {
        beforeNodeExecute: (event) => {
          held[event.node] = context!.values
            .map((value, i) => (value === undefined ? undefined : nameOf(i)))
            .filter((n): n is string => n !== undefined)
            .sort();
        },
      };
      context = new RunContext(graph, p, { inputs: { x: 1 }, overrides: {} }, [watcher]);
      executeSync(context, new LocalExecutor(), (outputs) => outputs);
      return { held, context };
    }

    it('holds an intermediate value only until its last dependent has run', () => {
      const { held, context } = runAndWatch(['d']);
      expect(held).to.deep.equal({
        a: ['x'],
        b: ['a', 'x'],
        c: ['a', 'b', 'x'],
        d: ['c', 'x'],
      });
      expect(context.outputs()).to.deep.equal({ d: 60 });
      const live = context.values.map((v, i) => (v === undefined ? undefined : nameOf(i))).filter(Boolean);
      expect(live.sort()).to.deep.equal(['d', 'x']);
    });

    it('keeps requested outputs even when later nodes read them', () => {
      const { context } = runAndWatch(['b', 'd']);
      expect(context.outputs()).to.deep.equal({ b: 4, d: 60 });
    });

    it('a long chain keeps at most two values alive at any time', () => {
      const length = 200;
      const methods: Record<string, (this: unknown, ...args: number[]) => number> = {};
      class Long {}
      for (let i = 0; i < length; i++) {
        // Named parameters are read from source, so each link is built with new Function.
        const param = i === 0 ? 'seed' : `n${i - 1}`;
        methods[`n${i}`] = new Function(param, `return ${param} + 1;`) as (...args: number[]) => number;
      }
      Object.assign(Long.prototype, methods);
      const longGraph = FunctionGraph.build([{ cls: Long, instance: new Long() }], { config: {}, allowModuleOverrides: false });
      const p = createPlan(longGraph, { outputs: [`n${length - 1}`], inputKeys: ['seed'], overrideKeys: [] });
      let most = 0;
      let context: RunContext | undefined;
      const watcher: LifecycleAdapter = {
        afterNodeExecute: () => {
          most = Math.max(most, context!.values.filter((v) => v !== undefined).length);
        },
      };
      context = new RunContext(longGraph, p, { inputs: { seed: 0 }, overrides: {} }, [watcher]);
      executeSync(context, new LocalExecutor(), (outputs) => outputs);
      expect(context.outputs()).to.deep.equal({ [`n${length - 1}`]: length });
      // seed, the previous link (released when the next one is stored)
      expect(most).to.equal(2);
    });
  });
});

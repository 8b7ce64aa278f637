import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import {
  Builder,
  DataFrameResult,
  Driver,
  HamiltonError,
  MissingInputError,
  NodeExecutionError,
  TypeMismatchError,
  UnknownNodeError,
  node,
  type LifecycleAdapter,
  type NodeResultEvent,
} from 'hamilton-ts';
import { isDataFrame } from '../../lib/dataframe/danfo.js';
import { thrown } from '../helpers.js';

/** A feature set that counts how often each node runs. */
class Counted {
  readonly calls: Record<string, number> = {};
  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  a(x: number): number {
    this.count('a');
    return x + 1;
  }
  b(a: number): number {
    this.count('b');
    return a * 2;
  }
  c(a: number, b: number): number {
    this.count('c');
    return a + b;
  }
  d(c: number): number {
    this.count('d');
    return c * 10;
  }
  unrelated(y: number): number {
    this.count('unrelated');
    return y;
  }
}

const dictDriver = (config: Record<string, unknown>, ...featureSets: object[]) =>
  // The Builder default is DictResult; `new Driver` builds frames, so these tests go through the Builder.
  new Builder()
    .withConfig(config)
    .withModules(...featureSets)
    .build();

describe('driver/driver: executing a graph', () => {
  it('new Driver(config, ...classes) returns a danfo DataFrame (the hello world)', () => {
    class HelloWorld {
      @node()
      a(input: Series): Series {
        return input.mod(7);
      }
      @node()
      b(a: Series): Series {
        return a.mul(2);
      }
      @node()
      c(a: Series, b: Series): Series {
        return (a.mul(3) as Series).add(b.mul(2));
      }
      @node()
      d(c: Series): Series {
        return c.pow(3);
      }
    }
    const dr = new Driver({}, HelloWorld);
    const df = dr.execute(['c', 'd'], { inputs: { input: new Series([1, 2, 3, 4, 5, 8]) } });
    expect(isDataFrame(df)).to.equal(true);
    expect(df.columns).to.deep.equal(['c', 'd']);
    // a = input % 7 = [1,2,3,4,5,1]; c = 3a + 4a = 7a; d = c^3
    expect(df.column('c').values).to.deep.equal([7, 14, 21, 28, 35, 7]);
    expect(df.column('d').values).to.deep.equal([343, 2744, 9261, 21952, 42875, 343]);
  });

  describe('what runs', () => {
    it('runs only what the requested outputs need, each node once', () => {
      const features = new Counted();
      const result = dictDriver({}, features).execute(['c', 'b', 'a'], { inputs: { x: 1 } });
      expect(result).to.deep.equal({ c: 6, b: 4, a: 2 });
      expect(features.calls).to.deep.equal({ a: 1, b: 1, c: 1 });
    });

    it('returns the outputs in the requested order', () => {
      const result = dictDriver({}, new Counted()).execute(['d', 'a', 'c'], { inputs: { x: 1 } });
      expect(Object.keys(result)).to.deep.equal(['d', 'a', 'c']);
    });

    it('each execute runs the nodes again with that call’s values', () => {
      const features = new Counted();
      const dr = dictDriver({}, features);
      expect(dr.execute(['d'], { inputs: { x: 1 } })).to.deep.equal({ d: 60 });
      expect(dr.execute(['d'], { inputs: { x: 2 } })).to.deep.equal({ d: 90 });
      expect(features.calls).to.deep.equal({ a: 2, b: 2, c: 2, d: 2 });
    });

    it('requested outputs may be plain inputs (even ones no node reads) and config keys', () => {
      const dr = dictDriver({ mode: 'fast', unusedSetting: 3 }, new Counted());
      expect(dr.execute(['x', 'a', 'mode', 'unusedSetting', 'extra'], { inputs: { x: 1, extra: 'e' } })).to.deep.equal({
        x: 1,
        a: 2,
        mode: 'fast',
        unusedSetting: 3,
        extra: 'e',
      });
    });
  });

  describe('optional parameters', () => {
    class WithDefaults {
      scaled(x: number, factor = 3): number {
        return x * factor;
      }
      shifted(scaled: number, offset: number = 1000): number {
        return scaled + offset;
      }
    }

    it('are left out when nothing provides them, so the default applies', () => {
      expect(dictDriver({}, WithDefaults).execute(['shifted'], { inputs: { x: 2 } })).to.deep.equal({ shifted: 1006 });
    });

    it('are used when provided by inputs, config or another node', () => {
      expect(dictDriver({}, WithDefaults).execute(['shifted'], { inputs: { x: 2, factor: 10 } })).to.deep.equal({
        shifted: 1020,
      });
      expect(dictDriver({ offset: 0 }, WithDefaults).execute(['shifted'], { inputs: { x: 2 } })).to.deep.equal({
        shifted: 6,
      });
      class FactorNode {
        factor(): number {
          return 5;
        }
      }
      expect(dictDriver({}, WithDefaults, FactorNode).execute(['scaled'], { inputs: { x: 2 } })).to.deep.equal({
        scaled: 10,
      });
    });

    it('pass an explicit null through instead of the default', () => {
      class Nullable {
        label(name: string | null = 'default'): string {
          return String(name);
        }
      }
      expect(dictDriver({}, Nullable).execute(['label'], { inputs: { name: null } })).to.deep.equal({ label: 'null' });
    });
  });

  describe('config', () => {
    it('config values are inputs to nodes', () => {
      expect(dictDriver({ x: 4 }, new Counted()).execute(['b'])).to.deep.equal({ b: 10 });
    });

    it('a config key named like a node can break what would be a cycle', () => {
      class Loop {
        a(b: number): number {
          return b;
        }
        b(a: number): number {
          return a + 1;
        }
      }
      expect(dictDriver({ a: 5 }, Loop).execute(['b'])).to.deep.equal({ b: 6 });
    });

    it('a config key named like a node replaces it, and its upstream is not needed', () => {
      const features = new Counted();
      const dr = dictDriver({ a: 100 }, features);
      expect(dr.execute(['c'])).to.deep.equal({ c: 300 });
      expect(features.calls).to.deep.equal({ b: 1, c: 1 });
    });

    it('runtime inputs overlapping config are a HamiltonError naming the key', () => {
      const error = thrown(() => dictDriver({ x: 1, y: 2 }, new Counted()).execute(['a'], { inputs: { x: 5 } }));
      expect(error).to.be.instanceOf(HamiltonError);
      expect((error as Error).message)
        .to.include("'x'")
        .and.not.include("'y'");
    });
  });

  describe('overrides', () => {
    it('replace a node; its upstream does not run', () => {
      const features = new Counted();
      const result = dictDriver({}, features).execute(['d'], { overrides: { c: 7 } });
      expect(result).to.deep.equal({ d: 70 });
      expect(features.calls).to.deep.equal({ d: 1 });
    });

    it('an overridden node that is requested is returned as given', () => {
      const features = new Counted();
      const result = dictDriver({}, features).execute(['b', 'c'], { inputs: { x: 1 }, overrides: { b: 50 } });
      expect(result).to.deep.equal({ b: 50, c: 52 });
      expect(features.calls).to.deep.equal({ a: 1, c: 1 });
    });

    it('may replace an input, making it not missing', () => {
      expect(dictDriver({}, new Counted()).execute(['a'], { overrides: { x: 9 } })).to.deep.equal({ a: 10 });
    });

    it('unknown override names are UnknownNodeErrors, also when the name is a plain input', () => {
      expect(() => dictDriver({}, new Counted()).execute(['a'], { inputs: { x: 1 }, overrides: { cc: 1 } })).to.throw(UnknownNodeError, /'cc'/);
      expect(() => dictDriver({}, new Counted()).execute(['a', 'extra'], { inputs: { x: 1, extra: 2 }, overrides: { extra: 3 } })).to.throw(
        UnknownNodeError,
        /'extra'/,
      );
    });
  });

  describe('errors before any node runs', () => {
    class Needs {
      readonly calls: string[] = [];
      first(x: number, y: number): number {
        this.calls.push('first');
        return x + y;
      }
      second(first: number, z: number, optionalW = 1): number {
        this.calls.push('second');
        return first + z + optionalW;
      }
      offPath(q: number): number {
        return q;
      }
    }

    it('MissingInputError lists every missing input and the nodes needing it, only on the execution path, not optional ones', () => {
      const features = new Needs();
      const error = thrown(() => dictDriver({}, features).execute(['second'], { inputs: { y: 1 } }));
      expect(error).to.be.instanceOf(MissingInputError);
      const missing = (error as MissingInputError).missing;
      expect(missing).to.deep.equal([
        { input: 'x', neededBy: ['Needs.first'] },
        { input: 'z', neededBy: ['Needs.second'] },
      ]);
      const message = (error as Error).message;
      expect(message).to.include("'x', needed by Needs.first").and.include("'z', needed by Needs.second");
      expect(message).not.to.include('optionalW').and.not.include("'q'");
      expect(features.calls).to.deep.equal([]);
    });

    it('an input one node reads optionally and another requires is missing for the one requiring it', () => {
      class Mixed {
        lenient(x = 1): number {
          return x;
        }
        strict(x: number): number {
          return x;
        }
      }
      expect(dictDriver({}, Mixed).execute(['lenient'])).to.deep.equal({ lenient: 1 });
      const error = thrown(() => dictDriver({}, Mixed).execute(['lenient', 'strict'])) as MissingInputError;
      expect(error.missing).to.deep.equal([{ input: 'x', neededBy: ['Mixed.strict'] }]);
    });

    it('an input needed by several nodes lists them all', () => {
      const error = thrown(() => dictDriver({}, new Counted()).execute(['a', 'unrelated'])) as MissingInputError;
      expect(error.missing).to.deep.equal([
        { input: 'x', neededBy: ['Counted.a'] },
        { input: 'y', neededBy: ['Counted.unrelated'] },
      ]);
      class TwoReaders {
        one(shared: number): number {
          return shared;
        }
        two(shared: number): number {
          return shared;
        }
      }
      const both = thrown(() => dictDriver({}, TwoReaders).execute(['one', 'two'])) as MissingInputError;
      expect(both.missing).to.deep.equal([{ input: 'shared', neededBy: ['TwoReaders.one', 'TwoReaders.two'] }]);
    });

    it('UnknownNodeError lists all unknown outputs with close-name suggestions', () => {
      class Spend {
        avg3wkSpend(spend: number): number {
          return spend;
        }
        spendPerSignup(spend: number, signups: number): number {
          return spend / signups;
        }
      }
      const error = thrown(() =>
        dictDriver({}, Spend).execute(['avg3wkSpnd', 'spendPerSignups', 'completelyDifferent', 'avg3wkSpend']),
      ) as UnknownNodeError;
      expect(error).to.be.instanceOf(UnknownNodeError);
      expect(error.unknown.map((u) => u.name)).to.deep.equal(['avg3wkSpnd', 'spendPerSignups', 'completelyDifferent']);
      expect(error.unknown[0].suggestions).to.include('avg3wkSpend');
      expect(error.unknown[1].suggestions[0]).to.equal('spendPerSignup');
      expect(error.unknown[2].suggestions).to.deep.equal([]);
      expect(error.message).to.include("'avg3wkSpnd' (did you mean 'avg3wkSpend'").and.include("'completelyDifferent'");
    });

    it('input values are checked against declared types at execute time; null and undefined pass', () => {
      class Typed {
        readonly calls: string[] = [];
        @node()
        doubled(amount: number, label: string): string {
          this.calls.push('doubled');
          return `${label}${amount * 2}`;
        }
      }
      const features = new Typed();
      const dr = dictDriver({}, features);
      const error = thrown(() => dr.execute(['doubled'], { inputs: { amount: '3', label: 7 } })) as TypeMismatchError;
      expect(error).to.be.instanceOf(TypeMismatchError);
      expect(error.mismatches.map((m) => m.parameter).sort()).to.deep.equal(['amount', 'label']);
      expect(error.message).to.include("'amount' should be number").and.include("string '3'");
      expect(error.message).to.include('Typed.doubled');
      expect(features.calls).to.deep.equal([]);
      expect(dr.execute(['doubled'], { inputs: { amount: 3, label: 'n' } })).to.deep.equal({ doubled: 'n6' });
      expect(dr.execute(['doubled'], { inputs: { amount: null, label: undefined } })).to.deep.equal({
        doubled: 'undefined0',
      });
    });

    it('an input naming a computed node is an error that points to overrides', () => {
      expect(() => dictDriver({}, new Counted()).execute(['b'], { inputs: { x: 1, a: 5 } })).to.throw(HamiltonError, /overrides/);
    });
  });

  describe('failures while running', () => {
    it('NodeExecutionError has nodeName, origin, inputsSummary and cause', () => {
      class Failing {
        ratio(spend: number, signups: number): number {
          if (signups === 0) throw new RangeError('no signups');
          return spend / signups;
        }
        downstream(ratio: number): number {
          return ratio;
        }
      }
      const error = thrown(() => dictDriver({}, Failing).execute(['downstream'], { inputs: { spend: 10, signups: 0 } })) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error).to.be.instanceOf(HamiltonError);
      expect(error.nodeName).to.equal('ratio');
      expect(error.origin).to.equal('Failing.ratio');
      expect(error.inputsSummary).to.equal('spend=number 10, signups=number 0');
      expect(error.cause).to.be.instanceOf(RangeError);
      expect(error.message).to.include("'ratio'").and.include('Failing.ratio').and.include('RangeError: no signups');
    });

    it('a thrown non-Error is kept as the cause', () => {
      class ThrowsString {
        bad(): number {
          throw 'plain string';
        }
      }
      const error = thrown(() => dictDriver({}, ThrowsString).execute(['bad'])) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error.cause).to.equal('plain string');
    });

    it('an async method run by the sync Driver is a clear HamiltonError, not a Promise flowing on', () => {
      class Async {
        readonly calls: string[] = [];
        async fetched(url: string): Promise<string> {
          return `page of ${url}`;
        }
        length(fetched: string): number {
          this.calls.push('length');
          return fetched.length;
        }
      }
      const features = new Async();
      const error = thrown(() => dictDriver({}, features).execute(['length'], { inputs: { url: 'u' } }));
      expect(error).to.be.instanceOf(HamiltonError);
      expect((error as Error).message)
        .to.include("'fetched'")
        .and.include('Async.fetched')
        .and.include('buildAsync');
      expect(features.calls).to.deep.equal([]);
      // the same with lifecycle adapters installed
      const events: NodeResultEvent[] = [];
      const dr = new Builder()
        .withModules(features)
        .withAdapters({ afterNodeExecute: (e) => void events.push(e) })
        .build();
      expect(() => dr.execute(['fetched'], { inputs: { url: 'u' } })).to.throw(HamiltonError, /buildAsync/);
      expect(events.map((e) => [e.node, e.success])).to.deep.equal([['fetched', false]]);
    });

    it('an async method that rejects still gives the HamiltonError', () => {
      class Rejecting {
        async broken(): Promise<number> {
          throw new Error('rejected');
        }
      }
      expect(() => dictDriver({}, Rejecting).execute(['broken'])).to.throw(HamiltonError, /async/);
    });
  });

  describe('validateExecution', () => {
    it('raises the same errors as execute without running nodes', () => {
      const features = new Counted();
      const dr = dictDriver({ y: 1 }, features);
      expect(() => dr.validateExecution(['d'])).to.throw(MissingInputError, /'x'/);
      expect(() => dr.validateExecution(['dd'], { inputs: { x: 1 } })).to.throw(UnknownNodeError, /'d'/);
      expect(() => dr.validateExecution(['a'], { inputs: { x: 1, y: 2 } })).to.throw(HamiltonError, /'y'/);
      expect(() => dr.validateExecution(['d'], { inputs: { x: 1 } })).not.to.throw();
      expect(() => dr.validateExecution(['b'], { overrides: { a: 1 } })).not.to.throw();
      expect(features.calls).to.deep.equal({});
    });

    it('checks input value types', () => {
      class Typed {
        @node()
        twice(n: number): number {
          return n * 2;
        }
      }
      const dr = dictDriver({}, Typed);
      expect(() => dr.validateExecution(['twice'], { inputs: { n: 'two' } })).to.throw(TypeMismatchError);
      expect(() => dr.validateExecution(['twice'], { inputs: { n: 2 } })).not.to.throw();
    });
  });

  describe('lifecycle adapters', () => {
    it('see the run and every node, in order, with arguments and results', () => {
      const log: string[] = [];
      const adapter: LifecycleAdapter = {
        beforeGraphExecute: (e) => void log.push(`start ${e.outputs.join(',')}`),
        beforeNodeExecute: (e) => void log.push(`before ${e.node} ${JSON.stringify(e.args)}`),
        afterNodeExecute: (e) => void log.push(`after ${e.node} ${e.origin} ${String(e.result)} ${e.success}`),
        afterGraphExecute: (e) => void log.push(`end ${e.success} ${JSON.stringify(e.results)}`),
      };
      const dr = new Builder().withModules(new Counted()).withAdapters(adapter).build();
      expect(dr.execute(['b'], { inputs: { x: 1 } })).to.deep.equal({ b: 4 });
      expect(log).to.deep.equal([
        'start b',
        'before a {"x":1}',
        'after a Counted.a 2 true',
        'before b {"a":2}',
        'after b Counted.b 4 true',
        'end true {"b":4}',
      ]);
    });

    it('hear about a failed run and node; the error is a NodeExecutionError', () => {
      const ends: Array<{ success: boolean; error?: unknown }> = [];
      class Failing {
        bad(): number {
          throw new Error('boom');
        }
      }
      const dr = new Builder()
        .withModules(Failing)
        .withAdapters({ afterGraphExecute: (e) => void ends.push(e) })
        .build();
      expect(() => dr.execute(['bad'])).to.throw(NodeExecutionError, /boom/);
      expect(ends).to.have.length(1);
      expect(ends[0].success).to.equal(false);
      expect(ends[0].error).to.be.instanceOf(NodeExecutionError);
    });
  });

  it('adapters hear one failed end when the result builder fails (sync and async drivers)', async () => {
    const ends: Array<{ success: boolean; error?: unknown }> = [];
    class Colliding {
      frame(): DataFrame {
        return new DataFrame({ total: [1, 2] });
      }
      total(): number {
        return 3;
      }
    }
    const dr = new Builder()
      .withModules(Colliding)
      .withResultBuilder(new DataFrameResult())
      .withAdapters({ afterGraphExecute: (e) => void ends.push(e) })
      .build();
    expect(() => dr.execute(['frame', 'total'])).to.throw(HamiltonError, /'total'/);
    expect(ends.map((e) => e.success)).to.deep.equal([false]);
    expect(ends[0].error).to.be.instanceOf(HamiltonError);

    const asyncEnds: boolean[] = [];
    const asyncDriver = await new Builder()
      .withModules(Colliding)
      .withResultBuilder(new DataFrameResult())
      .withAdapters({ afterGraphExecute: (e) => void asyncEnds.push(e.success) })
      .buildAsync();
    let asyncError: unknown;
    await asyncDriver.execute(['frame', 'total']).catch((e: unknown) => (asyncError = e));
    expect(asyncError).to.be.instanceOf(HamiltonError);
    expect(asyncEnds).to.deep.equal([false]);
  });

  it('a DataFrame returned by a node flows to its readers as is', () => {
    class Frames {
      @node()
      frame(raw: number[]): DataFrame {
        return new DataFrame({ raw });
      }
      @node()
      rows(frame: DataFrame): number {
        return frame.shape[0];
      }
    }
    expect(dictDriver({}, Frames).execute(['rows'], { inputs: { raw: [1, 2, 3] } })).to.deep.equal({ rows: 3 });
  });
});

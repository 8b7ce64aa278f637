import { expect } from 'chai';
import { thrown } from '../helpers.js';
import { Builder, collect, HamiltonError, InvalidDecoratorError, NodeExecutionError, parallelizable } from 'hamilton-ts';

/** The API's example: one branch per url, gathered in item order. */
class Pages {
  calls: string[] = [];

  @parallelizable()
  *urls(site: string): Iterable<string> {
    for (const path of ['a', 'b', 'c']) yield `${site}/${path}`;
  }

  page(urls: string, prefix: string): string {
    this.calls.push(urls);
    return `${prefix}${urls}`;
  }

  length(page: string): number {
    return page.length;
  }

  @collect('page')
  pages(page: string[]): string[] {
    return page;
  }

  @collect('length')
  totalLength(length: number[], prefix: string): number {
    return length.reduce((a, b) => a + b, 0) + prefix.length * 0;
  }
}

describe('fan-out: @parallelizable and @collect', () => {
  it('runs the branch once per item and gathers in item order (sync driver)', () => {
    const features = new Pages();
    const dr = new Builder().withModules(features).build();
    const result = dr.execute(['pages', 'totalLength'], { inputs: { site: 'x.io', prefix: '>' } });
    expect(result.pages).to.deep.equal(['>x.io/a', '>x.io/b', '>x.io/c']);
    expect(result.totalLength).to.equal(21);
    expect(features.calls).to.deep.equal(['x.io/a', 'x.io/b', 'x.io/c']);
  });

  it('runs items concurrently under the AsyncDriver, async iterables and async nodes included', async () => {
    let running = 0;
    let peak = 0;
    class AsyncPages {
      @parallelizable()
      async *ids(count: number): AsyncIterable<number> {
        for (let i = 0; i < count; i++) yield i;
      }

      async fetched(ids: number): Promise<number> {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        return ids * 10;
      }

      @collect('fetched')
      all(fetched: number[]): number[] {
        return fetched;
      }
    }
    const dr = await new Builder().withModules(AsyncPages).buildAsync();
    expect(await dr.execute(['all'], { inputs: { count: 4 } })).to.deep.equal({ all: [0, 10, 20, 30] });
    expect(peak).to.equal(4);
  });

  it('a collect may gather the items themselves; an empty fan-out gathers nothing', () => {
    class Items {
      @parallelizable()
      items(list: number[]): number[] {
        return list;
      }
      @collect('items')
      count(items: number[]): number {
        return items.length;
      }
    }
    const dr = new Builder().withModules(Items).build();
    expect(dr.execute(['count'], { inputs: { list: [5, 6] } })).to.deep.equal({ count: 2 });
    expect(dr.execute(['count'], { inputs: { list: [] } })).to.deep.equal({ count: 0 });
  });

  it('names the per-item node that failed', () => {
    class Failing {
      @parallelizable()
      n(): number[] {
        return [1, 2, 3];
      }
      inverse(n: number): number {
        if (n === 2) throw new Error('two');
        return 1 / n;
      }
      @collect('inverse')
      inverses(inverse: number[]): number[] {
        return inverse;
      }
    }
    const error = thrown(() => new Builder().withModules(Failing).build().execute(['inverses'])) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('inverse');
    expect(error.inputsSummary).to.equal('n=number 2');
  });

  it('rejects reading a per-item value without @collect, and requesting one', () => {
    class Leaky {
      @parallelizable()
      n(): number[] {
        return [1, 2];
      }
      doubled(n: number): number {
        return n * 2;
      }
      sum(doubled: number): number {
        return doubled;
      }
    }
    const dr = new Builder().withModules(Leaky).build();
    expect(() => dr.execute(['doubled'])).to.throw(HamiltonError, /Output 'doubled' runs once per item/);
    class LeakyCollect extends Leaky {
      @collect('doubled')
      gathered(doubled: number[], n: number): number {
        return doubled.length + n;
      }
    }
    expect(() => new Builder().withModules(LeakyCollect).build().execute(['gathered'])).to.throw(HamiltonError, /reads 'n'.*@collect\('n'\)/);
  });

  it('a non-iterable expand value is a clear error; @collect names a real parameter', () => {
    class NotIterable {
      @parallelizable()
      n(): number {
        return 3;
      }
      @collect('n')
      all(n: number[]): number[] {
        return n;
      }
    }
    expect(() => new Builder().withModules(NotIterable).build().execute(['all'])).to.throw(NodeExecutionError, /returned number 3; return an array/);
    class Wrong {
      @collect('nope')
      all(n: number[]): number[] {
        return n;
      }
    }
    expect(() => new Builder().withModules(Wrong).build()).to.throw(InvalidDecoratorError, /@collect\('nope'\) names no parameter/);
  });
});

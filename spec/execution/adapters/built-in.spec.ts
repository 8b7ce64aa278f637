import { expect } from 'chai';
import { Builder, ExecutionLogger, ProgressBar, TimingTracker } from 'hamilton-ts';

class Chain {
  a(x: number): number {
    return x + 1;
  }
  b(a: number): number {
    let total = 0;
    for (let i = 0; i < 2e5; i++) total += i % (a + 1);
    return total;
  }
  c(b: number): number {
    return b * 2;
  }
  broken(x: number): number {
    throw new Error(`broken ${x}`);
  }
}

describe('built-in lifecycle adapters', () => {
  it('TimingTracker records every node of the last run, resetting per run', () => {
    const timings = new TimingTracker();
    const dr = new Builder().withModules(Chain).withAdapters(timings).build();
    dr.execute(['c'], { inputs: { x: 1 } });
    expect(timings.timings.map((t) => t.node)).to.deep.equal(['a', 'b', 'c']);
    expect(timings.timings.every((t) => t.success && t.durationMs >= 0)).to.equal(true);
    expect(timings.totalMs).to.be.closeTo(
      timings.timings.reduce((s, t) => s + t.durationMs, 0),
      1e-9,
    );
    expect(timings.slowest(1)[0].durationMs).to.equal(Math.max(...timings.timings.map((t) => t.durationMs)));
    dr.execute(['a'], { inputs: { x: 1 } });
    expect(timings.timings.map((t) => t.node)).to.deep.equal(['a']);
  });

  it('ExecutionLogger logs the run, each node with its origin and value summary, and failures', () => {
    const lines: string[] = [];
    const dr = new Builder()
      .withModules(Chain)
      .withAdapters(new ExecutionLogger((l) => lines.push(l)))
      .build();
    dr.execute(['a'], { inputs: { x: 1 } });
    expect(lines[0]).to.match(/run: 1 nodes for a$/);
    expect(lines[1]).to.match(/ a \(Chain\.a\) [\d.]+ ms -> number 2$/);
    expect(lines[2]).to.match(/done$/);
    lines.length = 0;
    expect(() => dr.execute(['broken'], { inputs: { x: 3 } })).to.throw(/broken 3/);
    expect(lines[1]).to.match(/broken \(Chain\.broken\) .* failed: broken 3$/);
    expect(lines[2]).to.match(/failed$/);
  });

  it('ProgressBar counts the planned nodes; off a terminal it prints at most one line per tenth', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (t: string) => written.push(t), isTTY: false }, 10);
    const dr = new Builder().withModules(Chain).withAdapters(bar).build();
    dr.execute(['c'], { inputs: { x: 1 } });
    expect(written).to.have.length(3);
    expect(written[2]).to.equal('[##########] 3/3 c\n');
    expect(written[0]).to.equal('[###-------] 1/3 a\n');
  });

  it('ProgressBar redraws one line on a terminal', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (t: string) => written.push(t), isTTY: true }, 4);
    new Builder()
      .withModules(Chain)
      .withAdapters(bar)
      .build()
      .execute(['b'], { inputs: { x: 1 } });
    expect(written).to.deep.equal(['\r[##--] 1/2 a', '\r[####] 2/2 b\n']);
  });
});

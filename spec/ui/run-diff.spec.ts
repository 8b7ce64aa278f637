import { expect } from 'chai';
import fc from 'fast-check';
import type { NodeRecord, RunGraph, RunRecord, RunSummary } from '../../lib/ui/records.js';
import { diffRuns } from '../../lib/ui/run-diff.js';
import { runsPage, RUNS_SHOWN } from '../../lib/ui/pages/runs.js';

/** A random DAG: node i reads some of the nodes before it; nodes reading nothing read the input `x`. */
const dags = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
      fc.subarray(Array.from({ length: n }, (_, i) => i)),
    ),
  );

function run(id: string, nodes: NodeRecord[]): RunRecord {
  return { runId: id, project: 'p', status: 'success', tags: {}, outputs: [], inputs: {}, startedAt: 0, nodes };
}

describe('ui: diff of two runs', () => {
  it('marks edited nodes as code changes, their downstream as value changes explained by the nearest edits (fast-check)', () => {
    fc.assert(
      fc.property(dags, ([reads, edited]) => {
        const name = (i: number) => `n${i}`;
        const dependencies = new Map(reads.map((r, i) => [name(i), r.length === 0 ? ['x'] : r.map(name)]));
        const graph: RunGraph = { nodes: reads.map((_, i) => name(i)), inputs: ['x'], dependencies };
        const isEdited = new Set(edited);
        // Reference model: a value changes when its code or any value it reads changed.
        const changed: boolean[] = [];
        reads.forEach((r, i) => (changed[i] = isEdited.has(i) || r.some((j) => changed[j])));
        const nearest = (i: number): Set<number> => new Set(reads[i].flatMap((j) => (isEdited.has(j) ? [j] : [...nearest(j)])));
        const record = (i: number, after: boolean): NodeRecord => ({
          node: name(i),
          status: 'success',
          codeVersion: after && isEdited.has(i) ? 'c2' : 'c1',
          dataVersion: after && changed[i] ? `d2-${i}` : `d1-${i}`,
        });
        const before = run(
          'a',
          reads.map((_, i) => record(i, false)),
        );
        const after = run(
          'b',
          reads.map((_, i) => record(i, true)),
        );
        const diffs = new Map(diffRuns(before, after, graph).map((d) => [d.node, d]));
        reads.forEach((_, i) => {
          const diff = diffs.get(name(i))!;
          const expected = isEdited.has(i) ? 'code' : changed[i] ? 'data' : 'same';
          expect(diff.change).to.equal(expected);
          const causes = expected === 'data' ? [...nearest(i)].map(name).sort() : [];
          expect(diff.explainedBy).to.deep.equal(causes);
          const explains = reads.map((__, k) => k).filter((k) => !isEdited.has(k) && changed[k] && nearest(k).has(i));
          expect(diff.explains).to.deep.equal(explains.map(name).sort());
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a node only in one run is added or removed, and a value change with no edited code upstream is explained by the inputs', () => {
    const graph: RunGraph = {
      nodes: ['a', 'b'],
      inputs: ['x'],
      dependencies: new Map([
        ['a', ['x']],
        ['b', ['a']],
      ]),
    };
    const before = run('1', [
      { node: 'a', status: 'success', codeVersion: 'c', dataVersion: 'd1' },
      { node: 'gone', status: 'success' },
    ]);
    const after = run('2', [
      { node: 'a', status: 'success', codeVersion: 'c', dataVersion: 'd2' },
      { node: 'b', status: 'success', codeVersion: 'c', dataVersion: 'e' },
    ]);
    const diffs = new Map(diffRuns(before, after, graph).map((d) => [d.node, d]));
    expect(diffs.get('a')).to.deep.include({ change: 'data', explainedBy: ['x'] });
    expect(diffs.get('b')!.change).to.equal('added');
    expect(diffs.get('gone')!.change).to.equal('removed');
  });
});

describe('ui: runs page', () => {
  it('shows the newest runs up to its limit and says how many match', () => {
    const runs: RunSummary[] = Array.from({ length: RUNS_SHOWN + 3 }, (_, i) => ({
      runId: `run-${String(i).padStart(4, '0')}`,
      project: 'p',
      status: 'success',
      tags: {},
      outputs: [],
      inputs: {},
      startedAt: i,
    }));
    const html = runsPage('p', runs, runs, {});
    expect(html.match(/class="pick"/g)).to.have.length(RUNS_SHOWN);
    expect(html)
      .to.include(`${RUNS_SHOWN + 3} of ${RUNS_SHOWN + 3} runs.`)
      .and.include(`newest ${RUNS_SHOWN} of ${RUNS_SHOWN + 3}`);
    expect(html)
      .to.include('run-0000')
      .and.include(`run-${String(RUNS_SHOWN - 1).padStart(4, '0')}`);
    expect(html).to.not.include(`run-${String(RUNS_SHOWN).padStart(4, '0')}`);
  });
});

import { expect } from 'chai';
import { runPage } from '../../lib/ui/pages/run.js';
import type { RunRecord } from '../../lib/ui/records.js';

describe('ui run page', () => {
  const run: RunRecord = {
    runId: 'r1',
    project: 'shop',
    status: 'success',
    tags: { team: 'growth' },
    outputs: ['total'],
    inputs: { orders: 'v1' },
    startedAt: 1_700_000_000_000,
    endedAt: 1_700_000_000_250,
    dagVersion: 'dagabc',
    gitCommit: 'abc123',
    config: '{"region":"eu"}',
    nodes: [],
  };

  /** The facts table's cells by header, read from the page. */
  function facts(html: string): Record<string, string> {
    const tableHtml = /<table[^>]*id="facts"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const strip = (cell: string) => cell.replace(/<[^>]+>/g, '').trim();
    const headers = [...tableHtml.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => strip(m[1]));
    const cells = [...tableHtml.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => strip(m[1]));
    expect(cells).to.have.length(headers.length);
    return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
  }

  it('puts each of the run’s facts under its own header: git commit, config and tags included', () => {
    const shown = facts(runPage(run, undefined, undefined));
    expect(shown['git commit']).to.equal('abc123');
    expect(shown.config).to.include('region');
    expect(shown.tags).to.equal('team=growth');
    expect(shown.status).to.equal('success');
  });
});

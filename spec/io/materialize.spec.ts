import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, from, HamiltonError, node, to } from 'hamilton-ts';

class Spend {
  calls = 0;
  @node()
  raw(): number[] {
    this.calls++;
    return [1, 2, 3];
  }
  @node()
  doubled(raw: number[]): number[] {
    return raw.map((x) => x * 2);
  }
  @node()
  total(doubled: number[]): number {
    return doubled.reduce((a, b) => a + b, 0);
  }
}

describe('io/materialize: savers and loaders added to the driver graph for one run', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hamilton-mat-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('to.<kind> saves dependencies (several combined into one table) and returns [metadata, additional values]', () => {
    const path = join(dir, 'out.csv');
    const dr = new Builder().withModules(Spend).build();
    const [metadata, values] = dr.materialize([to.csv({ id: 'saveColumns', dependencies: ['raw', 'doubled'], path })], { additionalVars: ['total'] });
    expect(readFileSync(path, 'utf8')).to.equal('raw,doubled\n1,2\n2,4\n3,6\n');
    expect(metadata.saveColumns).to.include({ node: 'saveColumns', rows: 3, kind: 'csv' });
    expect(values).to.deep.equal({ total: 12 });
    // The driver's own graph is unchanged.
    expect(dr.listAvailableVariables().map((v) => v.name)).not.to.include('saveColumns');
  });

  it('from.<kind> loads a node instead of computing it: its upstream does not run', () => {
    const path = join(dir, 'doubled.json');
    writeFileSync(path, JSON.stringify([10, 20]));
    const spend = new Spend();
    const dr = new Builder().withModules(spend).build();
    const [metadata, values] = dr.materialize([from.json({ target: 'doubled', path })], { additionalVars: ['total'] });
    expect(values.total).to.equal(30);
    expect(spend.calls).to.equal(0);
    expect(metadata).to.deep.equal({});
  });

  it('a combine result builder shapes several dependencies', () => {
    const path = join(dir, 'sums.json');
    const dr = new Builder().withModules(Spend).build();
    const combine = { build: (outputs: Record<string, unknown>) => Object.keys(outputs).join('+') };
    dr.materialize([to.json({ id: 'names', dependencies: ['raw', 'total'], path, combine })]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).to.equal('raw+total');
  });

  it('validateMaterialization names an unknown dependency with close names, a taken id, and nothing to do', () => {
    const dr = new Builder().withModules(Spend).build();
    expect(() => dr.validateMaterialization([to.csv({ id: 's', dependencies: ['totl'], path: 'x.csv' })])).to.throw(
      HamiltonError,
      /'totl'.*did you mean 'total'/,
    );
    expect(() => dr.validateMaterialization([to.csv({ id: 'total', dependencies: ['raw'], path: 'x.csv' })])).to.throw(
      HamiltonError,
      /saver id 'total'/,
    );
    expect(() => dr.validateMaterialization([])).to.throw(HamiltonError, /nothing to compute/);
    expect(() => dr.validateMaterialization(['x.csv' as never])).to.throw(HamiltonError, /item #1 is string/);
    expect(existsSync('x.csv')).to.equal(false);
  });

  it('visualizeMaterialization draws loaders as cylinders and savers as folders', () => {
    const dr = new Builder().withModules(Spend).build();
    const dot = dr.visualizeMaterialization([
      to.parquet({ id: 'saveTotal', dependencies: ['doubled'], path: 'x.parquet' }),
      from.json({ target: 'raw', path: 'raw.json' }),
    ]);
    expect(dot).to.match(/"saveTotal" \[[^\]]*shape="?folder/);
    expect(dot).to.match(/"raw\.loader" \[[^\]]*shape="?cylinder/);
  });

  it('the AsyncDriver materializes too', async () => {
    const path = join(dir, 'out.jsonl');
    const dr = await new Builder().withModules(Spend).buildAsync();
    const [metadata] = await dr.materialize([to.jsonl({ id: 'save', dependencies: ['doubled'], path })]);
    expect(metadata.save.rows).to.equal(3);
    expect(readFileSync(path, 'utf8')).to.equal('2\n4\n6\n');
  });
});

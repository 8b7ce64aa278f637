import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

interface Report {
  readonly dict: Record<string, unknown>;
  readonly driverDefault: { name: string; packageName?: string; message: string } | 'no error';
  readonly again: { name: string; packageName?: string; message: string } | 'no error';
  readonly isSeries: boolean;
  readonly isDataFrame: boolean;
  readonly ownClassKept: boolean;
  readonly danfoLoaded: boolean;
}

describe('dataframe/danfo: danfojs not installed (an optional peer)', () => {
  let report: Report;
  before(() => {
    const child = spawnSync(process.execPath, ['--require', path.join(__dirname, 'hide-danfo.js'), path.join(__dirname, 'without-danfo.js')], {
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).to.equal(0);
    report = JSON.parse(child.stdout) as Report;
  });

  it('runs a graph with DictResult, even with an app class named Series as a node type', () => {
    expect(report.dict).to.deep.equal({ total: 6 });
    expect(report.ownClassKept).to.equal(true);
    expect(report.danfoLoaded).to.equal(false);
  });

  it('no value is a danfo frame, and asking does not throw', () => {
    expect(report.isSeries).to.equal(false);
    expect(report.isDataFrame).to.equal(false);
  });

  it('the Driver default (DataFrameResult) throws a MissingPackageError naming danfojs, the xlsx override and DictResult, every time', () => {
    for (const failure of [report.driverDefault, report.again]) {
      expect(failure).to.not.equal('no error');
      const f = failure as Exclude<Report['driverDefault'], 'no error'>;
      expect(f.name).to.equal('MissingPackageError');
      expect(f.packageName).to.equal('danfojs');
      expect(f.message).to.include('npm install danfojs').and.include('"overrides": { "xlsx": "0.18.5" }').and.include('DictResult');
    }
  });
});

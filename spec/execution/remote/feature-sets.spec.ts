import { expect } from 'chai';
import { HamiltonError } from 'hamilton-ts';
import { resolveFeatureSet } from '../../../lib/execution/remote/feature-sets.js';
import { featureSetRef } from '../../../lib/metadata/module-file.js';
import { RemoteValues } from '../../fixtures/remote/values.js';
import { thrown } from '../../helpers.js';

class Spend {}
class OtherSpend {}

describe('BullMQ feature-set names ({ module file, export })', () => {
  it('names an exported class by its module file and export', () => {
    const ref = featureSetRef(RemoteValues);
    expect(ref.export).to.equal('RemoteValues');
    expect(ref.module).to.match(/fixtures[\\/]remote[\\/]values\.js$/);
  });

  it('finds a class by export name, and tells two of one name apart by the module path ending most alike', () => {
    const available = [
      { cls: Spend, export: 'Spend', module: '/srv/app/dist/marketing/spend.js' },
      { cls: OtherSpend, export: 'Spend', module: '/srv/app/dist/finance/spend.js' },
      { cls: RemoteValues },
    ];
    expect(resolveFeatureSet({ export: 'RemoteValues' }, available)).to.equal(RemoteValues);
    expect(resolveFeatureSet({ export: 'Spend', module: '/home/me/app/src/finance/spend.ts' }, available)).to.equal(OtherSpend);
    expect(resolveFeatureSet({ export: 'Spend', module: 'C:\\build\\marketing\\spend.js' }, available)).to.equal(Spend);
  });

  it('says which module to load when the worker lacks the class, or cannot tell two apart', () => {
    const missing = thrown(() => resolveFeatureSet({ export: 'Pricing', module: '/a/pricing.js' }, [{ cls: Spend }])) as Error;
    expect(missing).to.be.instanceOf(HamiltonError);
    expect(missing.message).to.include("no feature set 'Pricing' (from /a/pricing.js").and.include('it loaded: Spend').and.include('--modules');
    const twins = [
      { cls: Spend, export: 'Spend', module: '/x/a/spend.js' },
      { cls: OtherSpend, export: 'Spend', module: '/x/b/spend.js' },
    ];
    const ambiguous = thrown(() => resolveFeatureSet({ export: 'Spend', module: '/y/c/spend.js' }, twins)) as Error;
    expect(ambiguous.message).to.include("several feature sets named 'Spend'");
  });
});

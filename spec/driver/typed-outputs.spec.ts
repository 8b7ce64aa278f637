import { expect } from 'chai';
import { Builder, DictResult, type NodeNameOf, type NodesOf, type ResultBuilder } from 'hamilton-ts';

/** Compile-time assertions: the build (and so the test run) fails if a type is not what it should be. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

class Spend {
  spendPerSignup(spend: number[], signups: number[]): number[] {
    return spend.map((s, i) => s / signups[i]);
  }
  async total(spend: number[]): Promise<number> {
    return spend.reduce((a, b) => a + b, 0);
  }
  label__short(total: number): string {
    return `${total}`;
  }
  _helper(): number {
    return 1;
  }
}

class Flags {
  isBig(spendPerSignup: number[]): boolean {
    return spendPerSignup.some((x) => x > 10);
  }
}

describe('typed outputs (TypeScript only)', () => {
  it('reads node names and value types from the feature-set classes', () => {
    assertType<Equal<NodeNameOf<'surveyResults__batch'>, 'surveyResults'>>();
    assertType<Equal<NodeNameOf<'a__b__c'>, 'a__b'>>();
    assertType<Equal<keyof NodesOf<typeof Spend>, 'spendPerSignup' | 'total' | 'label'>>();
    assertType<Equal<NodesOf<typeof Spend>['total'], number>>();
    expect(true).to.equal(true);
  });

  it('types what a Builder-made driver with DictResult returns, and the values are those at run time', async () => {
    const dr = new Builder().withModules(Spend, Flags).build();
    const result = dr.execute(['spendPerSignup', 'isBig', 'spend'], { inputs: { spend: [4, 6], signups: [2, 3] } });
    assertType<Equal<typeof result.spendPerSignup, number[]>>();
    assertType<Equal<typeof result.isBig, boolean>>();
    assertType<Equal<typeof result.spend, unknown>>();
    expect(result.spendPerSignup).to.deep.equal([2, 2]);
    expect(result.isBig).to.equal(false);

    const adr = await new Builder().withModules(Spend).buildAsync();
    const later = await adr.execute(['total', 'label'], { inputs: { spend: [1, 2] } });
    assertType<Equal<typeof later.total, number>>();
    assertType<Equal<typeof later.label, string>>();
    expect(later).to.deep.equal({ total: 3, label: '3' });
  });

  it("keeps a custom result builder's own type", () => {
    const counting: ResultBuilder<number> = { build: (outputs) => Object.keys(outputs).length };
    const n = new Builder()
      .withModules(Flags)
      .withResultBuilder(counting)
      .build()
      .execute(['isBig'], { inputs: { spendPerSignup: [1] } });
    assertType<Equal<typeof n, number>>();
    expect(n).to.equal(1);
    const dict = new Builder()
      .withModules(Flags)
      .withResultBuilder(new DictResult())
      .build()
      .execute(['isBig'], { inputs: { spendPerSignup: [11] } });
    assertType<Equal<typeof dict.isBig, boolean>>();
    expect(dict.isBig).to.equal(true);
  });
});

import { expect } from 'chai';

/** What `fn` threw; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return expect.fail('expected an error');
}

/** Numbers (or a Series' values) equal to 1e-9, NaN where NaN is expected (pandas' results, by hand). */
export function expectValues(actual: readonly unknown[] | { readonly values: unknown }, expected: readonly number[]): void {
  const values = Array.isArray(actual) ? actual : (actual as { values: unknown[] }).values;
  expect(values).to.have.length(expected.length);
  expected.forEach((want, i) => {
    const got = values[i] as number;
    if (Number.isNaN(want)) expect(got, `position ${i}`).to.satisfy(Number.isNaN);
    else expect(got, `position ${i}`).to.be.closeTo(want, 1e-9);
  });
}

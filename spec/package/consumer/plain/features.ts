import { node } from 'hamilton-ts';

/** The README's quick-start feature set: each method is a node, its parameters name the nodes it reads. */
export class Pricing {
  @node({ doc: 'The price with tax.' })
  gross(net: number, taxRate: number): number {
    return net * (1 + taxRate);
  }

  @node({ doc: 'The gross price, rounded to cents.' })
  rounded(gross: number): number {
    return Math.round(gross * 100) / 100;
  }
}

import { Series } from 'danfojs';
import { node } from 'hamilton-ts';

/** The hello world of the Hamilton talk: each method is a column, its parameters are the columns it reads. */
export class HelloWorld {
  @node({ doc: 'The input modulo 7.' })
  a(input: Series): Series {
    return input.mod(7);
  }

  @node({ doc: 'Twice a.' })
  b(a: Series): Series {
    return a.mul(2);
  }

  @node({ doc: 'a * 3 + b * 2.' })
  c(a: Series, b: Series): Series {
    return (a.mul(3) as Series).add(b.mul(2));
  }

  @node({ doc: 'c cubed.' })
  d(c: Series): Series {
    return c.pow(3);
  }
}

import { expect } from 'chai';
import { HamiltonError, MissingInputError } from 'hamilton-ts';
import { receiveThrown, sendThrown } from '../../../lib/execution/worker-pool/thrown.js';

/** What crosses a thread: sent, structured-cloned as postMessage would, received. */
const across = (thrown: unknown) => receiveThrown(structuredClone(sendThrown(thrown)));

describe('thrown values across threads', () => {
  it('rebuilds Errors with their built-in class, name, message, stack, fields and causes', () => {
    class QuotaError extends Error {
      constructor(readonly quota: number) {
        super(`over quota ${quota}`);
        this.name = 'QuotaError';
      }
    }
    const error = across(new TypeError('outer', { cause: new QuotaError(3) })) as TypeError;
    expect(error).to.be.instanceOf(TypeError);
    expect(error.stack).to.match(/TypeError: outer/);
    const cause = error.cause as Error & { quota: number };
    expect([cause.name, cause.message, cause.quota]).to.deep.equal(['QuotaError', 'over quota 3', 3]);
    const missing = across(new MissingInputError([{ input: 'a', neededBy: ['b'] }])) as HamiltonError;
    expect(missing).to.be.instanceOf(HamiltonError);
    expect(missing.name).to.equal('MissingInputError');
  });

  it('keeps what is not an Error as it is when it travels, and describes it when it cannot', () => {
    expect(across('plain')).to.equal('plain');
    expect(across(undefined)).to.equal(undefined);
    expect(across(Object.assign(Object.create(null) as object, { a: 1 }))).to.deep.equal({ a: 1 });
    const symbol = across(Symbol('why')) as HamiltonError;
    expect(symbol).to.be.instanceOf(HamiltonError);
    expect(symbol.message).to.match(/threw Symbol\(why\)/);
    expect((across(() => 1) as Error).message).to.match(/threw \(\) => 1/);
  });

  it('never throws itself, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    const sent = sendThrown(hostile);
    expect(sent).to.deep.equal({ kind: 'text', text: 'a value of type object that cannot be read' });
    const cyclic = new Error('a');
    (cyclic as Error & { cause: unknown }).cause = cyclic;
    expect(() => structuredClone(sendThrown(cyclic))).not.to.throw();
  });
});

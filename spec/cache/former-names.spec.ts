import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, cache, HamiltonError, SQLiteStore, tag, type CacheLogEntry } from 'hamilton-ts';
import { withoutOwnName } from '../../lib/cache/code-version.js';

type Calls = Record<string, number>;

/**
 * The same feature set before and after a rename, as source text (so a test edits a file, as a developer does):
 * `total` is renamed `revenue`, which names its former name; `body` lets a test change its code too.
 */
function flow(calls: Calls, renamed: boolean, options: { body?: string; decorator?: string } = {}): Function {
  const name = renamed ? 'revenue' : 'total';
  const decorator = options.decorator ?? (renamed ? "cache({ formerNames: ['total'] })" : undefined);
  const source = `return class Shop {
    price(x) { calls.price = (calls.price ?? 0) + 1; return x * 2; }
    ${name}(price, quantity) { calls.main = (calls.main ?? 0) + 1; ${options.body ?? 'return price * quantity;'} }
  }`;
  const cls = new Function('calls', source)(calls) as Function;
  if (decorator) {
    const decorate = new Function('cache', 'tag', `return ${decorator};`)(cache, tag) as (target: object, key: string, d: PropertyDescriptor) => void;
    const prototype = cls.prototype as object;
    decorate(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
  }
  return cls;
}

const logOf = (logs: readonly CacheLogEntry[], node: string) => logs.find((l) => l.node === node)!;

describe('cache: renamed nodes keep their cache (@cache({ formerNames }))', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-renamed-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const driver = (cls: Function) => new Builder().withModules(cls).withCache({ store }).build();
  const inputs = { inputs: { x: 3, quantity: 5 } };

  it('takes a renamed node from the cache of its former name, says so, and records it under the new name', () => {
    const calls: Calls = {};
    driver(flow(calls, false)).execute(['total'], inputs);
    const renamed = driver(flow(calls, true));
    expect(renamed.execute(['revenue'], inputs)).to.deep.equal({ revenue: 30 });
    expect(calls).to.deep.equal({ price: 1, main: 1 });
    const log = logOf(renamed.cache.logs(), 'revenue');
    expect(log.status).to.equal('hit');
    expect(log.reason).to.match(/former name 'total'/);
    // The next run finds it under its own name.
    const again = driver(flow(calls, true));
    again.execute(['revenue'], inputs);
    expect(logOf(again.cache.logs(), 'revenue').reason).to.not.match(/former name/);
    expect(calls).to.deep.equal({ price: 1, main: 1 });
  });

  it('keeps the code version of a method whose name alone changed', () => {
    expect(withoutOwnName('total ( price ) { return price ; }', 'total')).to.equal('( price ) { return price ; }');
    expect(withoutOwnName('async total ( price ) { }', 'total')).to.equal('async ( price ) { }');
    expect(withoutOwnName('static * $gen ( ) { }', '$gen')).to.equal('static * ( ) { }');
    // Only the method's own name, at its head: a call of the same name in the body stays.
    expect(withoutOwnName('total ( a ) { return total ( a ) ; }', 'total')).to.equal('( a ) { return total ( a ) ; }');
    expect(withoutOwnName('other ( a ) { }', 'total')).to.equal('other ( a ) { }');
    // A method named like a modifier.
    expect(withoutOwnName('get ( key ) { }', 'get')).to.equal('( key ) { }');
    expect(withoutOwnName('async get ( key ) { }', 'get')).to.equal('async ( key ) { }');
  });

  it('does not take the former name’s result when the code changed too, and says what changed against the former name', () => {
    const calls: Calls = {};
    driver(flow(calls, false)).execute(['total'], inputs);
    const renamed = driver(flow(calls, true, { body: 'return price * quantity + 1;' }));
    expect(renamed.execute(['revenue'], inputs)).to.deep.equal({ revenue: 31 });
    const log = logOf(renamed.cache.logs(), 'revenue');
    expect(log.status).to.equal('miss');
    expect(log.reason).to.match(/code version changed.*compared with former name 'total'/);
  });

  it('does not take the former name’s result when an input changed, and names the input', () => {
    const calls: Calls = {};
    driver(flow(calls, false)).execute(['total'], inputs);
    const renamed = driver(flow(calls, true));
    expect(renamed.execute(['revenue'], { inputs: { x: 3, quantity: 6 } })).to.deep.equal({ revenue: 36 });
    expect(logOf(renamed.cache.logs(), 'revenue').reason).to.match(/'quantity' changed.*former name 'total'/);
  });

  it('a node that names no former name does not take another node’s result', () => {
    const calls: Calls = {};
    driver(flow(calls, false)).execute(['total'], inputs);
    const renamed = driver(flow(calls, true, { decorator: "tag({ owner: 'shop' })" }));
    renamed.execute(['revenue'], inputs);
    expect(logOf(renamed.cache.logs(), 'revenue').status).to.equal('miss');
    expect(calls.main).to.equal(2);
  });

  describe('misuse is a HamiltonError when the driver is built (or the class defined)', () => {
    it('a former name that is another live node', () => {
      expect(() => driver(flow({}, true, { decorator: "cache({ formerNames: ['price'] })" }))).to.throw(
        HamiltonError,
        /'revenue' names 'price' as a former name, but 'price' is still a node/,
      );
    });

    it('its own name', () => {
      expect(() => driver(flow({}, true, { decorator: "cache({ formerNames: ['revenue'] })" }))).to.throw(HamiltonError, /'revenue' names itself/);
    });

    it('a name repeated, in one node or by two', () => {
      expect(() => driver(flow({}, true, { decorator: "cache({ formerNames: ['total', 'total'] })" }))).to.throw(HamiltonError, /'total' twice/);
      class Two {
        @cache({ formerNames: ['old'] })
        a(x: number): number {
          return x;
        }
        @cache({ formerNames: ['old'] })
        b(x: number): number {
          return x;
        }
      }
      expect(() => driver(Two)).to.throw(HamiltonError, /'old' is claimed by nodes 'a' and 'b'/);
    });

    it('not a list of strings, from plain JavaScript', () => {
      const decorate = cache as unknown as (options: unknown) => unknown;
      for (const bad of [[5], [''], [], 'x'.repeat(0), { 0: 'a' }, null]) {
        expect(() => decorate({ formerNames: bad })).to.throw(HamiltonError, /formerNames.*non-empty list/);
      }
      expect(() => decorate({ formerName: ['a'] })).to.throw(HamiltonError, /'formerName'.*formerNames/);
    });

    it('a former-names tag set by hand that is no list of names', () => {
      expect(() => driver(flow({}, true, { decorator: "tag({ 'cache.former_names': [] })" }))).to.throw(HamiltonError);
      expect(() => driver(flow({}, true, { decorator: "tag({ 'cache.former_names': 'price' })" }))).to.throw(HamiltonError, /still a node/);
    });
  });
});

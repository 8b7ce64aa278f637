import { expect } from 'chai';
import { AsyncDriver, Builder, DictResult, Driver, HamiltonError, MissingInputError, UnknownNodeError } from 'hamilton-ts';
import { thrown } from '../helpers.js';

/** What a plain JavaScript caller can pass where the compiler would have refused. */
type Loose = any; // the point of these specs is calling the API untyped

class Revenue {
  revenue(price: number, quantity: number): number {
    return price * quantity;
  }
  margin(revenue: number, cost: number): number {
    return revenue - cost;
  }
}

const loose = <T>(value: T): Loose => value;

describe('misuse of execute and validateExecution (plain JavaScript)', () => {
  const dr = loose(new Builder().withModules(Revenue).build());
  const inputs = { price: 2, quantity: 3 };

  it('treats a single output name as a list of one', () => {
    expect(dr.execute('revenue', { inputs })).to.deep.equal({ revenue: 6 });
    expect(() => dr.validateExecution('revenue', { inputs })).not.to.throw();
  });

  it('says to pass one array when the output names are spread out', () => {
    const error = thrown(() => dr.execute('revenue', 'margin')) as Error;
    expect(error).to.be.instanceOf(HamiltonError);
    expect(error.message).to.include("execute(['revenue', 'margin']");
  });

  it('names the position and value of an output that is not a name', () => {
    for (const outputs of [[5], ['revenue', null], [''], [{ name: 'revenue' }]]) {
      const error = thrown(() => dr.execute(outputs, { inputs })) as Error;
      expect(error, JSON.stringify(outputs)).to.be.instanceOf(HamiltonError);
      expect(error.message).to.match(/output #\d must be a node name/);
    }
    expect((thrown(() => dr.execute(['revenue', 7], { inputs })) as Error).message)
      .to.include('#2')
      .and.include('number 7');
  });

  it('refuses outputs that are neither a name nor an array', () => {
    for (const outputs of [undefined, null, 5, { revenue: true }, new Set(['revenue'])]) {
      const error = thrown(() => dr.execute(outputs, { inputs })) as Error;
      expect(error, String(outputs)).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('as an array');
    }
  });

  it('refuses options that are not an object, saying what they look like', () => {
    for (const options of [null, 5, 'inputs', [inputs]]) {
      const error = thrown(() => dr.execute(['revenue'], options)) as Error;
      expect(error, String(options)).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('{ inputs: { ... }, overrides: { ... } }');
    }
  });

  it('recognises inputs passed without the { inputs } wrapper and shows the wrapped call', () => {
    const error = thrown(() => dr.execute(['margin'], { price: 2, quantity: 3, cost: 1 })) as Error;
    expect(error).to.be.instanceOf(HamiltonError);
    expect(error.message).to.include("'price', 'quantity', 'cost' are node names, not options");
    expect(error.message).to.include('{ inputs: { price: ..., quantity: ..., cost: ... } }');
  });

  it('recognises a computed node passed without the { overrides } wrapper', () => {
    const error = thrown(() => dr.execute(['margin'], { revenue: 10, cost: 1 })) as Error;
    expect(error.message).to.include('inputs: { cost: ... }, overrides: { revenue: ... }');
  });

  it('suggests the option meant by a misspelt key, and lists the options', () => {
    const error = thrown(() => dr.execute(['revenue'], { input: inputs })) as Error;
    expect(error).to.be.instanceOf(HamiltonError);
    expect(error.message).to.include("unknown option 'input' (did you mean 'inputs'?)");
    expect(error.message).to.include("Options are 'inputs', 'overrides'");
  });

  it('refuses inputs or overrides that are not plain objects', () => {
    for (const bad of [null, 5, [1, 2], new Map([['price', 2]])]) {
      for (const key of ['inputs', 'overrides']) {
        const error = thrown(() => dr.execute(['revenue'], { [key]: bad })) as Error;
        expect(error, `${key}: ${String(bad)}`).to.be.instanceOf(HamiltonError);
        expect(error.message).to.include(`${key} must be a plain object`);
      }
    }
  });

  it('still reports what is really missing once the arguments are well formed', () => {
    expect(thrown(() => dr.execute(['revenue'], {}))).to.be.instanceOf(MissingInputError);
    expect(thrown(() => dr.execute(['revnue'], { inputs }))).to.be.instanceOf(UnknownNodeError);
  });
});

describe('misuse of the AsyncDriver (plain JavaScript)', () => {
  let dr: Loose;
  before(async () => (dr = await new Builder().withModules(Revenue).buildAsync()));

  it('rejects (never throws synchronously) on bad arguments, with a HamiltonError', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = dr.execute([5]))).not.to.throw();
    const error = await promise!.then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(HamiltonError);
  });

  it('takes a signal, and refuses one that is not an AbortSignal', async () => {
    expect(await dr.execute('revenue', { inputs: { price: 1, quantity: 2 }, signal: new AbortController().signal })).to.deep.equal({ revenue: 2 });
    const error = await dr.execute(['revenue'], { inputs: { price: 1, quantity: 2 }, signal: 5000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message).to.include('AbortSignal');
    const validation = await dr.validateExecution(['revenue'], { price: 1 }).catch((e: unknown) => e);
    expect((validation as Error).message).to.include("'price' is a node name, not an option");
  });
});

describe('misuse of new Driver and the Builder (plain JavaScript)', () => {
  it('new Driver(X) without config: says the config comes first', () => {
    for (const make of [() => new Driver(loose(Revenue)), () => new AsyncDriver(loose(Revenue))]) {
      const error = thrown(make) as Error;
      expect(error).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('new Driver({}, Revenue)');
    }
  });

  it('new Driver(undefined | null | 5 | [], X): config must be a plain object', () => {
    for (const config of [undefined, null, 5, 'batch', [], new Map()]) {
      const error = thrown(() => new Driver(loose(config), Revenue)) as Error;
      expect(error, String(config)).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('config must be a plain object');
    }
  });

  it('new Driver({}, 5) and withModules(null | [X] | {}): names the bad feature set and its position', () => {
    expect((thrown(() => new Driver({}, Revenue, loose(5))) as Error).message).to.include('feature set #2: number 5 is not a feature set');
    [null, undefined, 'Revenue', {}, Object.create(null)].forEach((bad, i) => {
      const error = thrown(() => new Builder().withModules(loose(bad))) as Error;
      expect(error, `case ${i}`).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('not a feature set');
    });
    expect((thrown(() => new Builder().withModules(loose([Revenue]))) as Error).message).to.include('spread a list of them');
  });

  it('withConfig(5 | null | []) fails when called', () => {
    for (const config of [5, null, [], 'mode=batch']) {
      expect(
        thrown(() => new Builder().withConfig(loose(config))),
        String(config),
      ).to.be.instanceOf(HamiltonError);
    }
  });

  it('withResultBuilder({}) and withResultBuilder(DictResult) fail when called', () => {
    expect((thrown(() => new Builder().withResultBuilder(loose({}))) as Error).message).to.include('build(outputs)');
    expect((thrown(() => new Builder().withResultBuilder(loose(DictResult))) as Error).message).to.include('new DictResult()');
    expect(thrown(() => new Builder().withResultBuilder(loose(null)))).to.be.instanceOf(HamiltonError);
  });

  it('withAdapters(null | class | bad hook) fails when called', () => {
    expect((thrown(() => new Builder().withAdapters(loose(null))) as Error).message).to.include('adapter #1 is null');
    class Hooks {
      beforeNodeExecute(): void {}
    }
    expect((thrown(() => new Builder().withAdapters(new Hooks(), loose(Hooks))) as Error).message).to.include('new Hooks()');
    expect((thrown(() => new Builder().withAdapters(loose({ afterNodeExecute: 'log' }))) as Error).message).to.include('afterNodeExecute');
    expect(() => new Builder().withAdapters(new Hooks())).not.to.throw();
  });

  it('withContainer(5) fails when called', () => {
    expect((thrown(() => new Builder().withContainer(loose(5))) as Error).message).to.include('inversify Container');
  });
});

describe('misuse of the lineage queries (plain JavaScript)', () => {
  const dr = loose(new Builder().withModules(Revenue).build());

  it('listAvailableVariables: a filter that is not { tags: {...} } is refused, not matched against everything', () => {
    for (const filter of [null, 5, { tags: 5 }, { tags: null }, { tags: ['pii'] }, { owner: 'me' }]) {
      const error = thrown(() => dr.listAvailableVariables(filter)) as Error;
      expect(error, JSON.stringify(filter)).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('listAvailableVariables(filter)');
    }
    expect(dr.listAvailableVariables()).to.have.length(5);
    expect(dr.listAvailableVariables({})).to.have.length(5);
  });

  it('names that are not strings get a HamiltonError, not a failed comparison', () => {
    for (const query of [
      () => dr.whatIsUpstreamOf(5),
      () => dr.whatIsDownstreamOf(null),
      () => dr.whatIsThePathBetween(5, null),
      () => dr.whatIsUpstreamOf(['revenue']),
    ]) {
      const error = thrown(query) as Error;
      expect(error).to.be.instanceOf(HamiltonError);
      expect(error.message).to.include('Node names are strings');
    }
    expect(
      dr
        .whatIsUpstreamOf('revenue')
        .map((v: { name: string }) => v.name)
        .sort(),
    ).to.deep.equal(['price', 'quantity', 'revenue']);
  });
});

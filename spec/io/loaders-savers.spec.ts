import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, dataloader, datasaver, HamiltonError, IoRecorder, loadFrom, node, saveTo, source, tag, value } from 'hamilton-ts';

describe('io/loaders and savers: decorators make loader and saver nodes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hamilton-io-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('@dataloader() makes <name>.loader ([data, metadata]) and <name> (the data), tagged as a loader', () => {
    class Loaders {
      @dataloader({ source: 'memory' })
      spend(): [number[], Record<string, unknown>] {
        return [[1, 2, 3], { rows: 3 }];
      }
      @node()
      total(spend: number[]): number {
        return spend.reduce((a, b) => a + b, 0);
      }
    }
    const dr = new Builder().withModules(Loaders).build();
    expect(dr.listAvailableVariables().map((v) => v.name)).to.include.members(['spend.loader', 'spend', 'total']);
    const result = dr.execute(['total', 'spend.loader']);
    expect(result.total).to.equal(6);
    expect(result['spend.loader']).to.deep.equal([[1, 2, 3], { rows: 3 }]);
    const loader = dr.listAvailableVariables({ tags: { 'hamilton.data_loader': 'true' } });
    expect(loader.map((v) => [v.name, v.tags['hamilton.data_loader.source']])).to.deep.equal([['spend.loader', 'memory']]);
  });

  it('a @dataloader method that does not return [data, metadata] fails naming the loader node', () => {
    class Loaders {
      @dataloader()
      spend(): unknown {
        return [1, 2, 3];
      }
    }
    const dr = new Builder().withModules(Loaders).build();
    expect(() => dr.execute(['spend'])).to.throw(HamiltonError, /spend\.loader.*\[data, metadata\]/s);
  });

  it('@datasaver() checks that the method returns its metadata', () => {
    class Savers {
      @datasaver()
      written(): unknown {
        return 'done';
      }
    }
    const dr = new Builder().withModules(Savers).build();
    expect(() => dr.execute(['written'])).to.throw(HamiltonError, /Saver 'written'.*metadata/s);
  });

  it('@loadFrom.csv fills a parameter from a file; the loader is tagged with the path, so lineage answers "what sources did I train on?"', () => {
    const path = join(dir, 'spend.csv');
    writeFileSync(path, 'week,spend\n1,10\n2,20\n3,30.5\n');
    class Training {
      @loadFrom.csv({ path, inject: 'rows' })
      spend(rows: { week: number; spend: number }[]): number[] {
        return rows.map((r) => r.spend);
      }
      @node()
      model(spend: number[]): number {
        return spend.reduce((a, b) => a + b, 0) / spend.length;
      }
    }
    const dr = new Builder().withModules(Training).build();
    expect(dr.execute(['model']).model).to.be.closeTo(20.1666, 1e-3);
    const sources = dr
      .whatIsUpstreamOf('model')
      .filter((v) => v.tags['hamilton.data_loader.source'] !== undefined)
      .map((v) => v.tags['hamilton.data_loader.source']);
    expect(sources).to.deep.equal([path]);
  });

  it('@loadFrom arguments may be source() refs: the path comes from an input at run time', () => {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ rate: 0.25 }));
    class Pricing {
      @loadFrom.json({ path: source('configPath') })
      rate(settings: { rate: number }): number {
        return settings.rate;
      }
    }
    const dr = new Builder().withModules(Pricing).build();
    expect(dr.execute(['rate'], { inputs: { configPath: path } }).rate).to.equal(0.25);
  });

  it('@loadFrom without inject on a method of several parameters is an InvalidDecoratorError naming them', () => {
    class Bad {
      @loadFrom.json({ path: value('x.json') })
      both(a: number, b: number): number {
        return a + b;
      }
    }
    expect(() => new Builder().withModules(Bad).build()).to.throw(HamiltonError, /Bad\.both.*a, b.*inject/s);
  });

  it('several @saveTo on one node make several savers; metadata records URI, rows, schema, hash and time', () => {
    const csv = join(dir, 'features.csv');
    const jsonl = join(dir, 'features.jsonl');
    class Features {
      @saveTo.csv({ id: 'saveCsv', path: csv })
      @saveTo.jsonl({ id: 'saveJsonl', path: jsonl })
      @tag({ owner: 'growth' })
      features(): Record<string, number[]> {
        return { week: [1, 2], spend: [10, 20] };
      }
    }
    const io = new IoRecorder();
    const dr = new Builder().withModules(Features).withAdapters(io).build();
    const result = dr.execute(['saveCsv', 'saveJsonl']);
    expect(readFileSync(csv, 'utf8')).to.equal('week,spend\n1,10\n2,20\n');
    expect(readFileSync(jsonl, 'utf8')).to.equal('{"week":1,"spend":10}\n{"week":2,"spend":20}\n');
    const saved = result.saveCsv as Record<string, unknown>;
    expect(saved).to.include({ operation: 'save', kind: 'csv', format: 'csv', rows: 2, bytes: readFileSync(csv).length });
    expect(saved.uri).to.match(/^file:\/\/.*features\.csv$/);
    expect(saved.contentHash).to.match(/^xxh3-128:[0-9a-f]{32}$/);
    expect(saved.schema).to.deep.equal([
      { name: 'week', type: 'number' },
      { name: 'spend', type: 'number' },
    ]);
    expect(io.records().map((r) => [r.node, r.kind])).to.have.deep.members([
      ['saveCsv', 'csv'],
      ['saveJsonl', 'jsonl'],
    ]);
  });

  it('@tag tags the method node and @saveTo saves it whichever is written first (phases, not written order)', () => {
    const path = join(dir, 'spend.jsonl');
    class TagAbove {
      @tag({ owner: 'growth' })
      @saveTo.jsonl({ id: 'saveSpend', path })
      spend(): Record<string, number[]> {
        return { week: [1, 2] };
      }
    }
    class TagBelow {
      @saveTo.jsonl({ id: 'saveSpend', path })
      @tag({ owner: 'growth' })
      spend(): Record<string, number[]> {
        return { week: [1, 2] };
      }
    }
    const shapes = [TagAbove, TagBelow].map((featureSet) => {
      const dr = new Builder().withModules(featureSet).build();
      const variables = dr.listAvailableVariables();
      const spend = variables.find((v) => v.name === 'spend')!;
      const saver = variables.find((v) => v.name === 'saveSpend')!;
      dr.execute(['saveSpend']);
      return { spendOwner: spend.tags.owner, saverOwner: saver.tags.owner, saved: readFileSync(path, 'utf8') };
    });
    expect(shapes[0]).to.deep.equal({ spendOwner: 'growth', saverOwner: undefined, saved: '{"week":1}\n{"week":2}\n' });
    expect(shapes[1]).to.deep.equal(shapes[0]);
  });

  it('a bad CSV row is an error naming the loader, the file and the line', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a,b\n1,2\n3,4,5\n');
    class Loads {
      @loadFrom.csv({ path })
      total(rows: unknown[]): number {
        return rows.length;
      }
    }
    const dr = new Builder().withModules(Loads).build();
    expect(() => dr.execute(['total'])).to.throw(HamiltonError, /total\.rows\.loader.*bad\.csv at line 3/s);
  });

  it('a bad JSON line is named by its number', () => {
    const path = join(dir, 'events.jsonl');
    writeFileSync(path, '{"a":1}\n{"a":2}\n{"a":\n');
    class Loads {
      @loadFrom.jsonl({ path })
      count(events: unknown[]): number {
        return events.length;
      }
    }
    expect(() => new Builder().withModules(Loads).build().execute(['count'])).to.throw(HamiltonError, /events\.jsonl at line 3/);
  });

  it('an unknown kind is refused when the class is defined, with the kinds there are', () => {
    expect(() => (loadFrom as unknown as Record<string, (o: object) => unknown>).cvs({ path: 'x' })).to.throw(
      HamiltonError,
      /no data kind 'cvs'.*csv/s,
    );
  });

  it('loadFrom and saveTo refuse options that are not an object (plain JavaScript)', () => {
    expect(() => (loadFrom.csv as unknown as (o: unknown) => unknown)('data.csv')).to.throw(HamiltonError, /@loadFrom\.csv takes one options object/);
    expect(() => (saveTo.csv as unknown as (o: unknown) => unknown)({ path: 'x.csv' })).to.throw(HamiltonError, /'id' is required/);
  });
});

import { expect } from 'chai';
import { Series } from 'danfojs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import {
  Builder,
  configWhen,
  DictResult,
  InvalidDecoratorError,
  node,
  tag,
  type Config,
  type FeatureSet,
  type MethodDecorator,
  type Variable,
} from 'hamilton-ts';

/** How the user compiles: with `experimentalDecorators` (legacy) or without (standard TC39 decorators). */
type Mode = 'legacy' | 'standard';
type Module = Record<string, FeatureSet>;

/** danfo's own operations return its root Series class, of which the exported `Series` is a subclass. */
const RootSeries = Object.getPrototypeOf(Series) as typeof Series;
const projectRoot = path.resolve(__dirname, '../../..');
const fixturePath = path.join(projectRoot, 'spec/fixtures/tc39/features.ts');

function compile(source: string, mode: Mode): string {
  return ts.transpileModule(source, {
    fileName: 'features.ts',
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      experimentalDecorators: mode === 'legacy',
      emitDecoratorMetadata: mode === 'legacy',
    },
  }).outputText;
}

describe('standard (TC39) decorators: compiled without experimentalDecorators', function () {
  this.timeout(60_000);
  // Inside the package, so that the compiled `require('hamilton-ts')` resolves to this very build.
  let outDir: string;
  let loaded = 0;
  const load = (source: string, mode: Mode): Module => {
    const file = path.join(outDir, `${mode}-${++loaded}.js`);
    fs.writeFileSync(file, compile(source, mode));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module compiled by the spec, by path
    return require(file) as Module;
  };
  const fixture = fs.readFileSync(fixturePath, 'utf8');
  const modules = {} as Record<Mode, Module>;

  before(() => {
    outDir = fs.mkdtempSync(path.join(projectRoot, 'dist', 'tc39-'));
    modules.legacy = load(fixture, 'legacy');
    modules.standard = load(fixture, 'standard');
  });
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const driver = (mode: Mode, config: Config, ...names: string[]) =>
    new Builder()
      .withConfig(config)
      .withModules(...names.map((n) => modules[mode][n]))
      .withResultBuilder(new DictResult())
      .build();
  const run = (mode: Mode, config: Config, outputs: string[]) => {
    const result = driver(mode, config, 'SurveyFeatures').execute(outputs, { inputs: { rows: 3 } });
    return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v instanceof RootSeries ? v.values : v]));
  };
  const variables = (mode: Mode, config: Config, ...names: string[]) =>
    Object.fromEntries(
      driver(mode, config, ...names)
        .listAvailableVariables()
        .filter((v) => !v.isExternalInput)
        .map((v): [string, Variable] => [v.name, v]),
    );
  const outputs = ['budget', 'age', 'isHighRoller', 'ageIn1Year', 'ageIn10Years', 'youngest', 'oldest'];

  it('the fixture type-checks as standard decorators (no experimentalDecorators)', () => {
    const program = ts.createProgram([fixturePath], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noImplicitOverride: true,
      experimentalDecorators: false,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).to.deep.equal([]);
  });

  it('really compiles to two different decorator protocols', () => {
    const standard = compile(fixture, 'standard');
    const legacy = compile(fixture, 'legacy');
    expect(standard).to.contain('__esDecorate').and.not.contain('__decorate(').and.not.contain('design:paramtypes');
    expect(legacy).to.contain('__decorate(').and.contain('design:paramtypes').and.not.contain('__esDecorate');
    // Node 20 has no Symbol.metadata; hamilton-ts installs it on import, so TypeScript gives classes a metadata object.
    const metadata = (Symbol as unknown as { metadata: symbol }).metadata;
    expect(metadata).to.be.a('symbol');
    expect(Object.hasOwn(modules.standard.SurveyFeatures, metadata)).to.equal(true);
    expect(Object.hasOwn(modules.legacy.SurveyFeatures, metadata)).to.equal(false);
  });

  for (const mode of ['legacy', 'standard'] as const) {
    describe(`${mode} build`, () => {
      it('config selects the batch variant; extracted, parameterized and field nodes compute', () => {
        expect(run(mode, { mode: 'batch' }, outputs)).to.deep.equal({
          budget: [0, 1000, 2000],
          age: [20, 21, 22],
          isHighRoller: [false, false, true],
          ageIn1Year: [21, 22, 23],
          ageIn10Years: [30, 31, 32],
          youngest: 20,
          oldest: 22,
        });
      });

      it('config selects the streaming variant', () => {
        expect(run(mode, { mode: 'streaming' }, ['budget', 'age', 'isHighRoller', 'oldest'])).to.deep.equal({
          budget: [2000, 2000, 2000],
          age: [50, 51, 52],
          isHighRoller: [true, true, true],
          oldest: 52,
        });
      });

      it('stacked configWhen + tag + tagOutputs: tags on the extracted columns of the selected variant', () => {
        const batch = variables(mode, { mode: 'batch' }, 'SurveyFeatures');
        expect(batch.age.tags).to.deep.equal({ module: 'SurveyFeatures', owner: 'data-science', pii: 'true', 'hamilton.config': 'mode' });
        expect(batch.budget.tags).to.deep.equal({ module: 'SurveyFeatures', owner: 'data-science', 'hamilton.config': 'mode' });
        expect(batch.surveyResults.tags).to.deep.equal({ module: 'SurveyFeatures', 'hamilton.config': 'mode' });
        expect(batch.surveyResults.originatingFunctions).to.deep.equal(['SurveyFeatures.surveyResults__batch']);
        const streaming = variables(mode, { mode: 'streaming' }, 'SurveyFeatures');
        expect(streaming.age.tags).to.deep.equal({ module: 'SurveyFeatures', owner: 'streaming-team', 'hamilton.config': 'mode' });
        const dr = driver(mode, { mode: 'batch' }, 'SurveyFeatures');
        expect(dr.listAvailableVariables({ tags: { pii: 'true' } }).map((v) => v.name)).to.deep.equal(['age']);
      });

      it('docs, and config exclusion, are the same', () => {
        const batch = variables(mode, { mode: 'batch' }, 'SurveyFeatures');
        expect(batch.isHighRoller.doc).to.equal('Clients spending more than 1500.');
        expect(Object.keys(variables(mode, { mode: 'dryRun' }, 'SurveyFeatures')).sort()).to.deep.equal([
          'ageIn10Years',
          'ageIn1Year',
          'isHighRoller',
        ]);
      });

      it('parameterize with group, parameterizeSources, configWhenIn/NotIn/Not and subdag', () => {
        const outputs = ['total', 'pointsPlusOne', 'pointsCopy', 'discount', 'vat', 'innerResult'];
        const gold = driver(mode, { tier: 'gold' }, 'MoreDecorators').execute(outputs, { inputs: { points: 5 } });
        expect(gold).to.deep.equal({ total: 15, pointsPlusOne: 6, pointsCopy: 5, discount: 0.2, vat: 0, innerResult: 11 });
        const basic = driver(mode, {}, 'MoreDecorators').execute(['discount'], { inputs: { points: 5 } });
        expect(basic).to.deep.equal({ discount: 0 });
        const eu = variables(mode, { region: 'eu' }, 'MoreDecorators');
        expect(eu).to.not.have.property('vat');
        expect(eu['innerResult.doubled'].tags).to.include({ layer: 'inner' });
      });

      it("an override keeps only its own decorators; a base method keeps the base's", () => {
        const derived = variables(mode, {}, 'DerivedScores');
        expect(derived.score.tags).to.deep.equal({ module: 'DerivedScores', owner: 'derived' });
        expect(derived.level.tags).to.deep.equal({ module: 'DerivedScores' });
        expect(derived.bonus.tags).to.deep.equal({ module: 'DerivedScores', kept: 'yes' });
        const base = variables(mode, {}, 'BaseScores');
        expect(base.score.tags).to.deep.equal({ module: 'BaseScores', owner: 'base' });
        expect(base.level.tags).to.deep.equal({ module: 'BaseScores', level: 'base' });
        const result = driver(mode, {}, 'DerivedScores').execute(['score', 'level', 'bonus'], { inputs: { points: 5 } });
        expect(result).to.deep.equal({ score: 10, level: 'derived', bonus: 6 });
      });
    });
  }

  it('types are known in the legacy build and simply unknown in the standard one', () => {
    const legacy = variables('legacy', { mode: 'batch' }, 'SurveyFeatures');
    const standard = variables('standard', { mode: 'batch' }, 'SurveyFeatures');
    expect(legacy.isHighRoller.type?.name).to.equal('Series');
    expect(legacy.ageIn1Year.type).to.equal(Array);
    expect(standard.isHighRoller.type).to.equal(undefined);
    expect(standard.ageIn1Year.type).to.equal(undefined);
    expect(standard.budget.type).to.equal(undefined);
    // Types given in decorator arguments are known either way.
    expect(standard.youngest.type).to.equal(Number);
  });

  it('both builds give the same graph: names, tags, docs and origins', () => {
    for (const config of [{ mode: 'batch' }, { mode: 'streaming' }, { mode: 'dryRun' }]) {
      const shape = (mode: Mode) =>
        Object.values(variables(mode, config, 'SurveyFeatures', 'DerivedScores', 'MoreDecorators')).map(
          ({ name, tags, doc, originatingFunctions }) => ({
            name,
            tags,
            doc,
            originatingFunctions,
          }),
        );
      expect(shape('standard')).to.deep.equal(shape('legacy'));
    }
  });

  describe('misuse fails when the class is defined, in both builds', () => {
    const cases: [string, string, RegExp][] = [
      ['a static method', `class Bad { @tag({ owner: 'x' }) static total(): number { return 1; } }`, /@tag is applied to 'total', a static method/],
      ['a getter', `class Bad { @tag({ owner: 'x' }) get total(): number { return 1; } }`, /@tag is applied to 'total', (a getter|an accessor)/],
      ['a field', `class Bad { @tag({ owner: 'x' }) total = 1; }`, /@tag is applied to 'total', (a field|a property)/],
      ['a bad tag', `class Bad { @tag({ 'hamilton.x': 'y' }) total(): number { return 1; } }`, /reserved namespace 'hamilton'/],
      ['a bad condition', `class Bad { @configWhenIn({ mode: 'batch' as never }) total(): number { return 1; } }`, /must be an array/],
    ];
    for (const mode of ['legacy', 'standard'] as const) {
      for (const [label, body, message] of cases) {
        it(`${mode}: a decorator on ${label}`, () => {
          const source = `import { tag, configWhenIn } from 'hamilton-ts';\nexport ${body}\n`;
          expect(() => load(source, mode)).to.throw(InvalidDecoratorError, message);
        });
      }
    }

    it('standard: a private (#) method is rejected too', () => {
      const source = `import { tag } from 'hamilton-ts';\nexport class Bad { @tag({ owner: 'x' }) #total(): number { return 1; } }\n`;
      expect(() => load(source, 'standard')).to.throw(InvalidDecoratorError, /'#total', a private \(#\) method/);
    });

    it('standard: a single-use decorator applied twice fails when the graph is built', () => {
      const source = `import { node } from 'hamilton-ts';\nexport class Twice { @node() @node() total(): number { return 1; } }\n`;
      const module = load(source, 'standard');
      expect(() => new Builder().withModules(module.Twice).build()).to.throw(InvalidDecoratorError, /Twice\.total: @node is applied more than once/);
    });
  });

  it('without decorator metadata (TypeScript 5.0/5.1 output), records wait on the method itself', () => {
    class Manual {
      weekly(base: number): number {
        return base * 7;
      }
      daily(base: number): number {
        return base;
      }
    }
    const apply = (decorator: MethodDecorator, name: 'weekly' | 'daily') => {
      const context = { kind: 'method', name, static: false, private: false, metadata: undefined, addInitializer: () => undefined };
      decorator(Manual.prototype[name], context as unknown as ClassMethodDecoratorContext);
    };
    // Applied innermost first, as the compiled code does: written order is @tag, @configWhen, @node.
    apply(node({ doc: 'Seven days.' }), 'weekly');
    apply(configWhen({ period: 'week' }), 'weekly');
    apply(tag({ owner: 'ops' }), 'weekly');
    apply(configWhen({ period: 'day' }), 'daily');
    const week = new Builder().withConfig({ period: 'week' }).withModules(Manual).build();
    expect(week.execute(['weekly'], { inputs: { base: 2 } })).to.deep.equal({ weekly: 14 });
    const weekly = week.listAvailableVariables().find((v) => v.name === 'weekly')!;
    expect(weekly.tags).to.deep.equal({ module: 'Manual', owner: 'ops', 'hamilton.config': 'period' });
    expect(weekly.doc).to.equal('Seven days.');
    const day = new Builder().withConfig({ period: 'day' }).withModules(Manual).build();
    expect(day.listAvailableVariables().map((v) => v.name))
      .to.include('daily')
      .and.not.include('weekly');
  });
});

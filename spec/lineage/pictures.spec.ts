import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  AsyncDriver,
  Builder,
  Driver,
  HamiltonError,
  MissingInputError,
  TypeMismatchError,
  UnknownNodeError,
  node,
  source,
  subdag,
  to,
  value,
} from 'hamilton-ts';
import { Customers, Orders } from '../fixtures/lineage-shop.js';

const shop = (config: Record<string, unknown> = { region: 'eu' }) => new Builder().withConfig(config).withModules(Customers, Orders).build();

/** The attribute list of node `name` in DOT text written by the drivers (one node per line). */
function nodeLine(dot: string, name: string): string {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`"${name}" [`));
  if (!line) throw new Error(`no node line for ${name} in:\n${dot}`);
  return line;
}

/** Names of the nodes a DOT text draws (legend samples excluded). */
function drawnNames(dot: string): string[] {
  return dot
    .split('\n')
    .map((l) => /^\s*"((?:[^"\\]|\\.)*)" \[/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined && !n.startsWith('legend:'))
    .sort();
}

function edges(dot: string): string[] {
  return dot
    .split('\n')
    .map((l) => /^\s*"([^"]*)" -> "([^"]*)"/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}->${m[2]}`)
    .sort();
}

describe('lineage: pictures', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-pictures-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  describe('displayAllFunctions', () => {
    it('draws every node and edge, functions, inputs and config apart, with types and a legend', () => {
      const dot = shop().displayAllFunctions();
      expect(dot.startsWith('digraph hamilton {')).to.equal(true);
      expect(drawnNames(dot)).to.deep.equal(
        [
          'age',
          'ageBand',
          'averageOrderValue',
          'birthYear',
          'discount',
          'email',
          'loyaltyScore',
          'orderCount',
          'orderTotals',
          'rawEmail',
          'referenceYear',
          'region',
          'spendLimit',
          'vip',
        ].sort(),
      );
      expect(edges(dot)).to.include.members(['age->ageBand', 'age->spendLimit', 'birthYear->age', 'loyaltyScore->discount']);
      expect(edges(dot)).to.have.length(13);
      expect(nodeLine(dot, 'age')).to.include('style="rounded,filled"').and.include('class="hamilton function"');
      expect(nodeLine(dot, 'age')).to.include('label=<<b>age</b><br/><i>number</i>>');
      expect(nodeLine(dot, 'birthYear')).to.include('style="dashed"').and.include('class="hamilton input"');
      expect(nodeLine(dot, 'region')).to.include('shape="note"').and.include('class="hamilton config"');
      expect(nodeLine(dot, 'discount')).to.include('label=<<b>discount</b>>'); // no declared type, none shown
      expect(nodeLine(dot, 'age')).to.include('tooltip="Age in whole years at the reference year."');
      expect(dot).to.match(/"vip" -> "discount" \[[^\]]*style="dashed"/); // an optional input
      expect(dot).to.include('subgraph "cluster_legend"');
      expect(drawnNames(dot.replace(/"legend:/g, '"'))).to.include.members(['function', 'input', 'config']);
      expect(dot).to.include('rankdir="LR"');
    });

    it('orient, showTypes, showLegend, hideInputs and graphAttributes change the picture', () => {
      const dr = shop();
      expect(dr.displayAllFunctions({ orient: 'TB' })).to.include('rankdir="TB"');
      expect(nodeLine(dr.displayAllFunctions({ showTypes: false }), 'age')).to.include('label=<<b>age</b>>');
      expect(dr.displayAllFunctions({ showLegend: false })).not.to.include('cluster_legend');
      const hidden = dr.displayAllFunctions({ hideInputs: true });
      expect(drawnNames(hidden)).to.deep.equal([
        'age',
        'ageBand',
        'averageOrderValue',
        'discount',
        'email',
        'loyaltyScore',
        'orderCount',
        'spendLimit',
      ]);
      expect(edges(hidden)).to.deep.equal([
        'age->ageBand',
        'age->spendLimit',
        'ageBand->loyaltyScore',
        'averageOrderValue->loyaltyScore',
        'loyaltyScore->discount',
        'orderCount->loyaltyScore',
        'spendLimit->loyaltyScore',
      ]);
      expect(hidden).not.to.include('legend:input');
      expect(dr.displayAllFunctions({ graphAttributes: { ranksep: '1.2' } })).to.include('ranksep="1.2"');
      expect(() => dr.displayAllFunctions({ orient: 'XY' as never })).to.throw(HamiltonError, /'XY'.*'LR'/);
      expect(() => dr.displayAllFunctions({ graphAttributes: { 'bad name': 'x' } })).to.throw(HamiltonError, /'bad name'/);
    });

    it('a custom style by tag colours the PII nodes, and its caption joins the legend', () => {
      const seen: string[] = [];
      const dot = shop().displayAllFunctions({
        customStyle: (variable) => {
          seen.push(variable.name);
          return variable.tags.pii === 'true' ? { fillcolor: '#f4a6a6', fontcolor: '#5a0000' } : undefined;
        },
        customStyleLegend: 'PII',
      });
      expect(seen).to.include.members(['age', 'email', 'birthYear', 'region']);
      expect(nodeLine(dot, 'age')).to.include('fillcolor="#f4a6a6"').and.include('fontcolor="#5a0000"');
      expect(nodeLine(dot, 'email')).to.include('fillcolor="#f4a6a6"');
      expect(nodeLine(dot, 'ageBand')).to.include('fillcolor="#b4d8e4"');
      expect(nodeLine(dot, 'legend:custom')).to.include('label=<PII>').and.include('fillcolor="#f4a6a6"');
      expect(() => shop().displayAllFunctions({ customStyle: () => ({ 'x;y': '1' }) })).to.throw(HamiltonError, /'x;y'/);
      expect(() => shop().displayAllFunctions({ customStyle: () => ({ color: 3 as never }) })).to.throw(HamiltonError, /number/);
    });

    it('escapes names, docs and types so any text stays valid DOT, and renders to SVG in process', async () => {
      const config = { 'odd "name" \\ <b>&': 1, 'line\nbreak': 2, 'trailing\\': 3 };
      class Documented {
        @node({ doc: 'Says "hi" & <bye>\\n' })
        greeting(): string {
          return 'hi';
        }
      }
      const dr = new Builder().withConfig(config).withModules(Documented).build();
      const dot = dr.displayAllFunctions();
      expect(dot).to.include('"odd \\"name\\" \\\\ <b>&" [label=<<b>odd &quot;name&quot; \\ &lt;b&gt;&amp;</b>>');
      expect(dot).to.include('"trailing\\\\" [');
      expect(dot).to.include('tooltip="Says \\"hi\\" & <bye>\\\\n"');
      const file = path.join(folder, 'odd.svg');
      expect(await dr.displayAllFunctions({ file })).to.equal(dot);
      const svg = readFileSync(file, 'utf8');
      expect(svg).to.match(/<svg[\s\S]*<\/svg>\s*$/);
      expect(svg).to.include('<title>greeting</title>');
      expect(svg).to.include('odd &quot;name&quot; \\ &lt;b&gt;&amp;');
      expect(svg).to.include('trailing\\');
      expect((svg.match(/class="node hamilton config"/g) ?? []).length).to.equal(3);
    });

    it('draws sub-graph namespaces as (nested) clusters with the inner names', () => {
      class Spend {
        @node()
        doubled(spend: number): number {
          return spend * 2;
        }
      }
      class Regions {
        @subdag([Spend], { inputs: { spend: source('eastSpend') } })
        east(doubled: number): number {
          return doubled;
        }
        @subdag([Spend], { inputs: { spend: value(3) } })
        west(doubled: number): number {
          return doubled;
        }
      }
      const dot = new Builder().withModules(Regions).build().displayAllFunctions();
      expect(drawnNames(dot)).to.include.members(['east.doubled', 'east.spend', 'west.doubled', 'east', 'eastSpend']);
      const cluster = (name: string) => dot.indexOf(`graph [label=<<b>${name}</b>>, style="rounded,dashed"`);
      const east = cluster('east');
      const west = cluster('west');
      expect(east).to.be.greaterThan(0);
      expect(west).to.be.greaterThan(0);
      const eastCluster = dot.slice(east, dot.indexOf('  }', east));
      expect(eastCluster).to.include('"east.doubled" [label=<<b>doubled</b><br/><i>number</i>>');
      expect(eastCluster).not.to.include('"west.doubled"');
      expect(eastCluster).not.to.include('"eastSpend"');
      expect(dot).to.include('"east.doubled" -> "east"');
    });

    it('nests namespaces of several levels', () => {
      const dot = new Builder().withConfig({ 'a.b.c': 1, 'a.d': 2 }).withModules().build().displayAllFunctions({ showLegend: false });
      const a = dot.indexOf('graph [label=<<b>a</b>>');
      const b = dot.indexOf('graph [label=<<b>b</b>>');
      expect(a).to.be.greaterThan(0);
      expect(b).to.be.greaterThan(a);
      expect(dot.indexOf('"a.d" [label=<<b>d</b>>')).to.be.greaterThan(a);
      expect(dot.indexOf('"a.b.c" [label=<<b>c</b>>')).to.be.greaterThan(b);
    });
  });

  describe('files', () => {
    it('writes .dot text or rendered .svg (creating folders) and resolves to the DOT; refuses other formats', async () => {
      const dr = shop();
      const dotFile = path.join(folder, 'deep', 'er', 'all.dot');
      const dot = await dr.displayAllFunctions({ file: dotFile });
      expect(readFileSync(dotFile, 'utf8')).to.equal(dot).and.equal(dr.displayAllFunctions());
      const svgFile = path.join(folder, 'all.svg');
      await dr.displayAllFunctions({ file: svgFile });
      const svg = readFileSync(svgFile, 'utf8');
      expect(svg).to.include('<title>loyaltyScore</title>');
      expect(svg).to.include('id="node_0"');
      const pngFile = path.join(folder, 'all.png');
      let error: unknown;
      await dr.displayAllFunctions({ file: pngFile }).catch((e: unknown) => (error = e));
      expect(error)
        .to.be.instanceOf(HamiltonError)
        .with.property('message')
        .that.match(/\.dot, \.gv, \.svg/);
      expect(existsSync(pngFile)).to.equal(false);
    });
  });

  describe('visualizeExecution', () => {
    it('draws only what the outputs need, marking outputs; inputs as given', () => {
      const inputs = { birthYear: 1990, referenceYear: 2024, orderTotals: [10, 20] };
      const dot = shop().visualizeExecution(['loyaltyScore'], { inputs });
      expect(drawnNames(dot)).to.deep.equal([
        'age',
        'ageBand',
        'averageOrderValue',
        'birthYear',
        'loyaltyScore',
        'orderCount',
        'orderTotals',
        'referenceYear',
        'region',
        'spendLimit',
      ]);
      expect(nodeLine(dot, 'loyaltyScore')).to.include('fillcolor="#ffc857"').and.include('class="hamilton function output"');
      expect(nodeLine(dot, 'age')).to.include('class="hamilton function"');
      expect(nodeLine(dot, 'legend:output')).to.include('label=<output>');
      expect(dot).not.to.include('legend:override');
    });

    it('validates as execute does, unless bypassValidation; missing inputs are then drawn in red', () => {
      const dr = shop();
      expect(() => dr.visualizeExecution(['loyaltyScore'], { inputs: { birthYear: 1990 } })).to.throw(
        MissingInputError,
        /'orderTotals'[\s\S]*'referenceYear'[\s\S]*bypassValidation: true/,
      );
      expect(() => dr.visualizeExecution(['age'], { inputs: { birthYear: 'x', referenceYear: 2024 } })).to.throw(TypeMismatchError);
      expect(() => dr.visualizeExecution(['agee'], { bypassValidation: true })).to.throw(UnknownNodeError, /'age'/);
      const dot = dr.visualizeExecution(['loyaltyScore'], { inputs: { birthYear: 1990 }, bypassValidation: true });
      expect(nodeLine(dot, 'orderTotals')).to.include('class="hamilton input missing"').and.include('color="#c0392b"');
      expect(nodeLine(dot, 'birthYear')).to.include('class="hamilton input"');
      expect(nodeLine(dot, 'legend:missing')).to.include('missing input');
    });

    it('an override is marked and its upstream is not drawn; an unprovided optional input is left out', () => {
      const dot = shop().visualizeExecution(['discount'], { inputs: { orderTotals: [1] }, overrides: { ageBand: '30-39', spendLimit: 0 } });
      expect(drawnNames(dot)).to.deep.equal([
        'ageBand',
        'averageOrderValue',
        'discount',
        'loyaltyScore',
        'orderCount',
        'orderTotals',
        'region',
        'spendLimit',
      ]);
      expect(nodeLine(dot, 'ageBand')).to.include('class="hamilton function override"').and.include('style="rounded,filled,dashed"');
      expect(nodeLine(dot, 'legend:override')).to.include('label=<override>');
      const withVip = shop().visualizeExecution(['discount'], {
        inputs: { orderTotals: [1], vip: true },
        overrides: { ageBand: '1', spendLimit: 0 },
      });
      expect(drawnNames(withVip)).to.include('vip');
    });

    it('a requested optional input nothing gives is drawn as an output, not as missing (execute gives undefined)', () => {
      const dr = shop();
      const dot = dr.visualizeExecution(['vip', 'email'], { inputs: { rawEmail: 'a@b' } });
      expect(nodeLine(dot, 'vip')).to.include('class="hamilton input output"');
      expect(dr.execute(['vip', 'email'], { inputs: { rawEmail: 'a@b' } })).to.include({ vip: undefined });
      const bypassed = dr.visualizeExecution(['vip', 'email'], { bypassValidation: true });
      expect(nodeLine(bypassed, 'vip')).not.to.include('missing');
      expect(nodeLine(bypassed, 'rawEmail')).to.include('class="hamilton input missing"');
    });
  });

  describe('upstream, downstream and paths', () => {
    it('displayUpstreamOf / displayDownstreamOf draw the closures with the named nodes marked', async () => {
      const dr = shop();
      const up = dr.displayUpstreamOf('ageBand', 'email');
      expect(drawnNames(up)).to.deep.equal(['age', 'ageBand', 'birthYear', 'email', 'rawEmail', 'referenceYear', 'region']);
      expect(nodeLine(up, 'ageBand')).to.include('selected');
      expect(nodeLine(up, 'age')).not.to.include('selected');
      const down = dr.displayDownstreamOf('age', { orient: 'TB' });
      expect(drawnNames(down)).to.deep.equal(['age', 'ageBand', 'discount', 'loyaltyScore', 'region', 'spendLimit']);
      expect(down).to.include('rankdir="TB"');
      const file = path.join(folder, 'down.dot');
      expect(await dr.displayDownstreamOf('age', { file })).to.equal(readFileSync(file, 'utf8'));
      expect(() => dr.displayUpstreamOf('nope')).to.throw(UnknownNodeError);
    });

    it('visualizePathBetween draws the paths; no path is a clear error', () => {
      const dr = shop();
      const dot = dr.visualizePathBetween('birthYear', 'loyaltyScore');
      expect(drawnNames(dot)).to.deep.equal(['age', 'ageBand', 'birthYear', 'loyaltyScore', 'region', 'spendLimit']);
      expect(nodeLine(dot, 'birthYear')).to.include('selected');
      expect(() => dr.visualizePathBetween('loyaltyScore', 'birthYear')).to.throw(
        HamiltonError,
        "No path found between 'loyaltyScore' and 'birthYear'",
      );
      expect(() => dr.visualizePathBetween('email', 'discount')).to.throw(HamiltonError, /No path found/);
    });
  });

  // Hamilton's test_display_config_node: the config is drawn in every picture, read by the drawn nodes or not.
  it('draws every config value in every picture, as a config node, with its edges to the drawn nodes', () => {
    const dr = new Builder().withConfig({ region: 'eu', referenceYear: 2024, unread: 1 }).withModules(Customers, Orders).build();
    const inputs = { rawEmail: 'a@b' };
    const pictures = {
      all: dr.displayAllFunctions(),
      upstream: dr.displayUpstreamOf('email'),
      downstream: dr.displayDownstreamOf('birthYear'),
      path: dr.visualizePathBetween('birthYear', 'ageBand'),
      execution: dr.visualizeExecution(['email'], { inputs }),
      materialization: dr.visualizeMaterialization([to.json({ id: 'saveEmail', dependencies: ['email'], path: 'email.json' })], { inputs }),
    };
    for (const [picture, dot] of Object.entries(pictures)) {
      for (const key of ['region', 'referenceYear', 'unread']) {
        expect(nodeLine(dot, key), `${picture}: ${key}`).to.include('class="hamilton config');
      }
      expect(
        edges(dot).filter((edge) => edge.startsWith('unread->')),
        picture,
      ).to.deep.equal([]);
    }
    // Edges from config only to nodes in the picture: referenceYear feeds age, drawn on the path.
    expect(edges(pictures.path)).to.include('referenceYear->age');
    expect(edges(pictures.upstream).some((edge) => edge.startsWith('referenceYear->'))).to.equal(false);
    expect(nodeLine(dr.displayUpstreamOf('email', { hideInputs: true }), 'email')).to.include('function');
    expect(drawnNames(dr.displayUpstreamOf('email', { hideInputs: true }))).to.deep.equal(['email']);
  });

  it('is typed by its overloads: a string without a file, a Promise with one', async () => {
    const dr = shop();
    const file = path.join(folder, 'typed.dot');
    const texts: string[] = [
      dr.displayAllFunctions(),
      dr.displayAllFunctions({ orient: 'TB' }),
      dr.displayUpstreamOf('age', 'email'),
      dr.displayUpstreamOf('age', { hideInputs: true }),
      dr.displayDownstreamOf('age'),
      dr.visualizePathBetween('age', 'discount', { showLegend: false }),
      dr.visualizeExecution(['age'], { bypassValidation: true }),
    ];
    const promises: Promise<string>[] = [
      dr.displayAllFunctions({ file }),
      dr.displayUpstreamOf('age', 'email', { file }),
      dr.displayDownstreamOf('age', { file }),
      dr.visualizePathBetween('age', 'discount', { file }),
      dr.visualizeExecution(['age'], { bypassValidation: true, file }),
    ];
    for (const text of texts)
      expect(text)
        .to.be.a('string')
        .and.match(/^digraph hamilton \{/);
    for (const promise of promises) expect(promise).to.be.instanceOf(Promise);
    expect(await Promise.all(promises)).to.have.length(5);
  });

  it('the AsyncDriver draws the same pictures', async () => {
    const asyncDriver = await new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).buildAsync();
    expect(asyncDriver).to.be.instanceOf(AsyncDriver);
    expect(asyncDriver.displayAllFunctions()).to.equal(shop().displayAllFunctions());
    expect(asyncDriver.visualizePathBetween('age', 'discount')).to.equal(shop().visualizePathBetween('age', 'discount'));
    expect(asyncDriver.whatIsDownstreamOf('age')).to.deep.equal(shop().whatIsDownstreamOf('age'));
    expect(asyncDriver.featureCatalog()).to.deep.equal(shop().featureCatalog());
    const syncDriver = new Driver({ region: 'us' }, Customers, Orders);
    expect(drawnNames(syncDriver.displayUpstreamOf('spendLimit'))).to.deep.equal([
      'age',
      'birthYear',
      'creditScore',
      'referenceYear',
      'region',
      'spendLimit',
    ]);
  });
});

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Builder, catalogToMarkdown, node, subdag, tag, type CatalogEntry, type FeatureCatalog } from 'hamilton-ts';
import { methodLine } from '../../lib/lineage/catalog/source-location.js';
import { Customers, Orders } from '../fixtures/lineage-shop.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = 'spec/fixtures/lineage-shop.ts';
const THIS_FILE = 'spec/lineage/catalog.spec.ts';

/** The 1-based line of the first line of a file containing `text`: how the expected lines are found. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`'${text}' not in ${file}`);
  return index + 1;
}

/** A subclass written here (not exported): its own method is found by the class's text in this file. */
class LoyalOrdersForCatalogSpec extends Orders {
  @node({ doc: 'Discount | doubled for loyal customers.' })
  @tag({ owner: 'finance' })
  override discount(loyaltyScore: number, vip = false): number {
    return 2 * super.discount(loyaltyScore, vip);
  }
}

const entry = (catalog: FeatureCatalog, name: string): CatalogEntry => {
  const found = catalog.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found;
};

describe('lineage: feature catalog', () => {
  const catalog = () => new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).build().featureCatalog({ root: ROOT });

  it('lists every node, sorted, with kind, type, doc, tags, code, inputs and dependents', () => {
    const result = catalog();
    expect(result.nodes.map((n) => n.name)).to.deep.equal([
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
    ]);
    expect(entry(result, 'age')).to.deep.equal({
      name: 'age',
      kind: 'function',
      type: 'number',
      doc: 'Age in whole years at the reference year.',
      tags: { module: 'Customers', pii: 'true', owner: 'growth' },
      originatingFunctions: ['Customers.age'],
      origin: { class: 'Customers', method: 'age' },
      // Named as worker threads and BullMQ workers name it: the compiled module they load, and the export.
      featureSet: { export: 'Customers', module: path.relative(ROOT, require.resolve('../fixtures/lineage-shop.js')).split(path.sep).join('/') },
      source: { file: FIXTURE, line: lineOf(FIXTURE, '  age(birthYear') },
      inputs: ['birthYear', 'referenceYear'],
      dependents: ['ageBand', 'spendLimit'],
    });
    expect(entry(result, 'birthYear')).to.deep.equal({
      name: 'birthYear',
      kind: 'input',
      type: 'number',
      doc: '',
      tags: {},
      originatingFunctions: [],
      inputs: [],
      dependents: ['age'],
    });
    expect(entry(result, 'region').kind).to.equal('config');
    expect(entry(result, 'discount').type).to.equal('unknown');
    expect(entry(result, 'discount').inputs).to.deep.equal(['loyaltyScore', 'vip']);
  });

  it('finds the source line of a config-selected variant, by the method that was chosen', () => {
    const eu = entry(catalog(), 'spendLimit');
    expect(eu.originatingFunctions).to.deep.equal(['Customers.spendLimit__eu']);
    expect(eu.source).to.deep.equal({ file: FIXTURE, line: lineOf(FIXTURE, 'spendLimit__eu(') });
    const us = new Builder().withConfig({ region: 'us' }).withModules(Customers, Orders).build().featureCatalog({ root: ROOT });
    expect(entry(us, 'spendLimit').source).to.deep.equal({ file: FIXTURE, line: lineOf(FIXTURE, 'spendLimit__us(') });
    expect(entry(us, 'spendLimit').tags).to.include({ 'hamilton.config': 'region' });
  });

  it('inherited methods point at the base class file; a class nobody exports is found by its text', () => {
    const result = new Builder()
      .withConfig({ region: 'eu' })
      .withModules(Customers, LoyalOrdersForCatalogSpec)
      .build()
      .featureCatalog({ root: ROOT });
    expect(entry(result, 'orderCount').originatingFunctions).to.deep.equal(['LoyalOrdersForCatalogSpec.orderCount']);
    expect(entry(result, 'orderCount').source).to.deep.equal({ file: FIXTURE, line: lineOf(FIXTURE, 'orderCount(orderTotals') });
    expect(entry(result, 'discount').source).to.deep.equal({ file: THIS_FILE, line: lineOf(THIS_FILE, 'override discount(') });
  });

  it('gives sub-graph nodes their namespace, and the inner class its own source', () => {
    class InnerSpendForCatalogSpec {
      @node({ doc: 'Spend doubled.' })
      doubled(spend: number): number {
        return spend * 2;
      }
    }
    class OuterForCatalogSpec {
      @subdag([InnerSpendForCatalogSpec])
      east(doubled: number): number {
        return doubled;
      }
    }
    const result = new Builder().withModules(OuterForCatalogSpec).build().featureCatalog({ root: ROOT });
    const inner = entry(result, 'east.doubled');
    expect(inner.namespace).to.equal('east');
    expect(inner.source).to.deep.equal({ file: THIS_FILE, line: lineOf(THIS_FILE, '      doubled(spend: number)') });
    expect(entry(result, 'east').source).to.deep.equal({ file: THIS_FILE, line: lineOf(THIS_FILE, '      east(doubled') });
    expect(entry(result, 'east')).not.to.have.property('namespace');
  });

  it('source files are relative to the root (the working directory by default)', () => {
    const dr = new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).build();
    expect(entry(dr.featureCatalog({ root: path.join(ROOT, 'spec') }), 'age').source!.file).to.equal('fixtures/lineage-shop.ts');
    const fromCwd = entry(dr.featureCatalog(), 'age').source!.file;
    expect(path.resolve(process.cwd(), fromCwd)).to.equal(path.join(ROOT, FIXTURE));
  });

  it('is plain data: JSON keeps it whole', () => {
    const result = catalog();
    expect(JSON.parse(JSON.stringify(result))).to.deep.equal(result);
  });

  it('renders Markdown: a summary table, then a section per node; cells stay one escaped line', () => {
    const result = new Builder()
      .withConfig({ region: 'eu' })
      .withModules(Customers, LoyalOrdersForCatalogSpec)
      .build()
      .featureCatalog({ root: ROOT });
    const markdown = catalogToMarkdown(result);
    const lines = markdown.split('\n');
    expect(lines[0]).to.equal('# Feature catalog');
    expect(markdown).to.include('14 nodes: 8 computed, 5 inputs, 1 config.');
    expect(lines).to.include('| node | kind | type | defined by | tags | doc |');
    const ageRow = lines.find((l) => l.startsWith('| `age` |'))!;
    expect(ageRow).to.equal(
      `| \`age\` | function | number | \`Customers.age\` (\`${FIXTURE}:${lineOf(FIXTURE, '  age(birthYear')}\`) | ` +
        'module=Customers, pii=true, owner=growth | Age in whole years at the reference year. |',
    );
    const discountRow = lines.find((l) => l.startsWith('| `discount` |'))!;
    expect(discountRow).to.include('Discount \\| doubled for loyal customers.');
    expect(discountRow.split(/(?<!\\)\|/)).to.have.length(8);
    expect(markdown).to.include('## `age`\n\nAge in whole years at the reference year.\n\n- kind: function');
    expect(markdown).to.include('- inputs: `birthYear`, `referenceYear`\n- dependents: `ageBand`, `spendLimit`');
    expect(markdown).to.include('## `birthYear`\n\n- kind: input\n- type: number\n- inputs: none\n- dependents: `age`');
    expect(catalogToMarkdown(result, 'Shop features')).to.match(/^# Shop features\n/);
  });

  describe('methodLine', () => {
    const text = [
      'class Other {',
      '  value(a) { return a; }',
      '}',
      'export class Target {',
      '  // value(x) in a comment is not a declaration',
      '  @node()',
      '  public async value(a: number): Promise<number> {',
      '    return a;',
      '  }',
      '  *items<T>(list: T[]) {}',
      "  'with.dot'(x) {}",
      '}',
    ].join('\n');

    it('finds the declaration inside the named class, after modifiers, generators and generics', () => {
      expect(methodLine(text, 'Target', 'value')).to.equal(7);
      expect(methodLine(text, 'Other', 'value')).to.equal(2);
      expect(methodLine(text, 'Target', 'items')).to.equal(10);
      expect(methodLine(text, 'Target', 'with.dot')).to.equal(11);
      expect(methodLine(text, 'Target', 'missing')).to.equal(undefined);
    });
  });
});

import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { Builder } from 'hamilton-ts';
import { Customers, Orders } from '../fixtures/lineage-shop.js';
import { launchChromium } from './chromium.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The test's output folder (gitignored): the page and its screenshot stay there to be looked at. */
const OUT = path.join(ROOT, '.out', 'lineage');

/** Titles (node names) of the picture's nodes that carry a class. */
function namesWithClass(page: Page, className: string): Promise<string[]> {
  return page.$$eval(`#graph g.node.${className} > title`, (titles) => titles.map((t) => t.textContent ?? '').sort());
}

function edgesWithClass(page: Page, className: string): Promise<string[]> {
  return page.$$eval(`#graph g.edge.${className} > title`, (titles) => titles.map((t) => (t.textContent ?? '').replace('->', ' -> ')).sort());
}

describe('lineage: explorer page (headless Chromium)', function () {
  this.timeout(120000);
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];
  const file = path.join(OUT, 'explorer.html');

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const dr = new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).build();
    await dr.lineageExplorer({
      file,
      title: 'Shop lineage <explorer>',
      root: ROOT,
      customStyle: (v) => (v.tags.pii === 'true' ? { fillcolor: '#f4a6a6' } : undefined),
      customStyleLegend: 'PII',
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
  });

  after(async () => {
    await browser?.close();
  });

  it('is one self-contained file: the SVG inline, the data, no external resources', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).to.match(/^<!doctype html>/);
    expect(html).to.include('<svg').and.include('</svg>');
    expect(html).not.to.match(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).to.include('<title>Shop lineage &lt;explorer&gt;</title>');
  });

  it('searching "age" marks and lists every node whose name holds it', async () => {
    await page.fill('#search', 'age');
    expect(await namesWithClass(page, 'match')).to.deep.equal(['age', 'ageBand', 'averageOrderValue']);
    const listed = await page.$$eval('#results button', (buttons) => buttons.map((b) => b.textContent));
    expect(listed).to.deep.equal(['age', 'ageBand', 'averageOrderValue']);
    expect(await page.isVisible('#results')).to.equal(true);
  });

  it('clicking the age node highlights its upstream and downstream and shows its doc and tags', async () => {
    await page.locator('#graph g.node', { has: page.locator('title', { hasText: /^age$/ }) }).click();
    expect(await namesWithClass(page, 'selected')).to.deep.equal(['age']);
    expect(await namesWithClass(page, 'upstream')).to.deep.equal(['birthYear', 'referenceYear']);
    expect(await namesWithClass(page, 'downstream')).to.deep.equal(['ageBand', 'discount', 'loyaltyScore', 'spendLimit']);
    expect(await namesWithClass(page, 'dimmed')).to.deep.equal([
      'averageOrderValue',
      'email',
      'orderCount',
      'orderTotals',
      'rawEmail',
      'region',
      'vip',
    ]);
    expect(await edgesWithClass(page, 'upstream')).to.deep.equal(['birthYear -> age', 'referenceYear -> age']);
    expect(await edgesWithClass(page, 'downstream')).to.deep.equal([
      'age -> ageBand',
      'age -> spendLimit',
      'ageBand -> loyaltyScore',
      'loyaltyScore -> discount',
      'spendLimit -> loyaltyScore',
    ]);
    const details = await page.innerText('#details');
    expect(await page.innerText('#details h2')).to.equal('age');
    expect(details).to.include('Age in whole years at the reference year.');
    expect(await page.$$eval('#details li.tag', (tags) => tags.map((t) => t.textContent))).to.deep.equal([
      'module=Customers',
      'pii=true',
      'owner=growth',
    ]);
    expect(details).to.include('Customers.age');
    expect(details).to.match(/spec\/fixtures\/lineage-shop\.ts:\d+/);
    const section = (title: string) => page.$$eval(`#details h3:has-text("${title}") + ul button`, (buttons) => buttons.map((b) => b.textContent));
    expect(await section('Inputs')).to.deep.equal(['birthYear', 'referenceYear']);
    expect(await section('Dependents')).to.deep.equal(['ageBand', 'spendLimit']);
    expect(await section('Downstream')).to.deep.equal(['ageBand', 'discount', 'loyaltyScore', 'spendLimit']);
    expect(page.url()).to.match(/#node=age$/);
    expect(await page.isVisible('#results')).to.equal(false);
    expect(await namesWithClass(page, 'match')).to.deep.equal(['age', 'ageBand', 'averageOrderValue']);
    await page.screenshot({ path: path.join(OUT, 'explorer.png') });
  });

  it('a node named in the panel can be selected from there; Escape clears the selection', async () => {
    await page.click('#details h3:has-text("Downstream") + ul button:text-is("loyaltyScore")');
    expect(await namesWithClass(page, 'selected')).to.deep.equal(['loyaltyScore']);
    expect(await namesWithClass(page, 'upstream')).to.deep.equal([
      'age',
      'ageBand',
      'averageOrderValue',
      'birthYear',
      'orderCount',
      'orderTotals',
      'referenceYear',
      'spendLimit',
    ]);
    expect(await namesWithClass(page, 'downstream')).to.deep.equal(['discount']);
    await page.keyboard.press('Escape');
    expect(await namesWithClass(page, 'selected')).to.deep.equal([]);
    expect(await namesWithClass(page, 'dimmed')).to.deep.equal([]);
  });

  it('opens with the node named in the URL selected, and pressing Enter in the search selects the exact match', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${pathToFileURL(file).href}#node=email`);
    expect(await namesWithClass(other, 'selected')).to.deep.equal(['email']);
    expect(await namesWithClass(other, 'upstream')).to.deep.equal(['rawEmail']);
    await other.fill('#search', 'ORDERCOUNT');
    await other.press('#search', 'Enter');
    expect(await namesWithClass(other, 'selected')).to.deep.equal(['orderCount']);
    await other.close();
  });

  it('ran without script errors', () => {
    expect(errors).to.deep.equal([]);
  });
});

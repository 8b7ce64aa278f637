import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, loadFrom, node, RunTracker } from 'hamilton-ts';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lineage/chromium.js';
import { STATUS_COLOURS } from '../../lib/ui/run-picture.js';
import { startUi, type RunningUi } from '../../lib/ui/server.js';
import { freshDatabase } from '../cache/fixtures/postgres-database.js';
import { shopStore, type ShopStore } from './fixture.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The README shows these screenshots; the tests make them. */
const IMAGES = path.join(ROOT, 'docs', 'img');

/** Fill colour of a drawn node, by its name (the SVG node's title). */
function fillOf(page: Page, node: string): Promise<string | null> {
  return page.$$eval(
    '#graph g.node',
    (groups, name) =>
      groups
        .find((g) => g.querySelector('title')?.textContent === name)
        ?.querySelector('polygon, ellipse, path')
        ?.getAttribute('fill') ?? null,
    node,
  );
}

function cells(page: Page, table: string, column: number): Promise<string[]> {
  return page.$$eval(`#${table} tbody tr:not([hidden])`, (rows, i) => rows.map((r) => r.children[i]?.textContent?.trim() ?? ''), column);
}

describe('ui: runs UI in headless Chromium', function () {
  this.timeout(120000);
  let shop: ShopStore;
  let ui: RunningUi;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];
  const elsewhere: string[] = [];
  /** The UIs this spec serves: a page may load from them and from nowhere else. */
  const servers: string[] = [];

  before(async () => {
    mkdirSync(IMAGES, { recursive: true });
    shop = await shopStore();
    ui = await startUi({ store: shop.folder, port: 0 });
    servers.push(ui.url);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('request', (request) => {
      if (!servers.some((url) => request.url().startsWith(url))) elsewhere.push(request.url());
    });
  });

  after(async () => {
    await browser?.close();
    await ui?.close();
    shop?.remove();
  });

  it('goes from the projects to a project’s runs and filters them by status and tag', async () => {
    await page.goto(ui.url);
    await page.click('#projects a:text-is("shop")');
    expect(await cells(page, 'runs', 2)).to.deep.equal(['failed', 'success', 'success', 'success']);
    await page.screenshot({ path: path.join(IMAGES, 'ui-runs.png') });
    await page.selectOption('select[name=status]', 'failed');
    await page.click('button[type=submit]');
    expect(await cells(page, 'runs', 2)).to.deep.equal(['failed']);
    await page.selectOption('select[name=status]', '');
    await page.fill('input[name=tag]', 'env=dev');
    await page.click('button[type=submit]');
    expect(await cells(page, 'runs', 1)).to.deep.equal([shop.runs.newInput, shop.runs.first]);
  });

  it('compares two picked runs: the edited method is a code change and explains the values below it', async () => {
    await page.goto(`${ui.url}/projects/shop`);
    expect(await page.isDisabled('#compare')).to.equal(true);
    await page.check(`input.pick[value="${shop.runs.edited}"]`);
    await page.check(`input.pick[value="${shop.runs.newInput}"]`);
    await Promise.all([page.waitForURL(/\/diff\?/), page.click('#compare')]);
    const nodes = await cells(page, 'diff', 0);
    const changes = await cells(page, 'diff', 1);
    const why = await cells(page, 'diff', 4);
    const row = (name: string) => nodes.indexOf(name);
    expect(changes[row('bigOrders')]).to.match(/^code/);
    expect(changes[row('rawOrders')]).to.match(/^same/);
    expect(why[row('revenue')]).to.equal('explained by bigOrders');
    expect(why[row('bigOrders')]).to.equal('explains report, revenue downstream');
    await page.screenshot({ path: path.join(IMAGES, 'ui-diff.png'), fullPage: true });
  });

  it('draws a run’s DAG coloured by status: cache hits, computed nodes, and the failed node with its error', async () => {
    await page.goto(`${ui.url}/runs/${shop.runs.edited}`);
    expect(await fillOf(page, 'rawOrders')).to.equal(STATUS_COLOURS.hit);
    expect(await fillOf(page, 'bigOrders')).to.equal(STATUS_COLOURS.success);
    // The timeline has a bar per node call, in start order, coloured as the DAG (the hit drawn as one).
    const bars = await page.$$eval('#timeline g.bar', (gs) =>
      gs.map((g) => ({
        name: g.querySelector('text')?.textContent,
        x: Number(g.querySelector('rect')?.getAttribute('x')),
        fill: g.querySelector('rect')?.getAttribute('fill'),
      })),
    );
    expect(bars.map((b) => b.name)).to.have.members(['rawOrders', 'bigOrders', 'revenue', 'report']);
    expect(bars.map((b) => b.x)).to.deep.equal([...bars.map((b) => b.x)].sort((a, b) => a - b));
    expect(bars.find((b) => b.name === 'rawOrders')!.fill).to.equal(STATUS_COLOURS.hit);
    await page.screenshot({ path: path.join(IMAGES, 'ui-run.png'), fullPage: true });
    await page.goto(`${ui.url}/runs/${shop.runs.failed}`);
    expect(await fillOf(page, 'report')).to.equal(STATUS_COLOURS.failed);
    expect(await page.textContent('#errors')).to.match(/report.*no order reaches the minimum/s);
    await page.fill('input[data-filter=nodes]', 'orders');
    expect(await cells(page, 'nodes', 0)).to.have.members(['rawOrders', 'bigOrders']);
  });

  it('follows a node across runs and an output to its sources', async () => {
    await page.goto(`${ui.url}/runs/${shop.runs.failed}`);
    await Promise.all([page.waitForURL(/nodes\/bigOrders/), page.click('#nodes a:text-is("bigOrders")')]);
    expect(await cells(page, 'history', 0)).to.have.length(4);
    expect(await page.$$eval('#durations circle', (dots) => dots.length)).to.equal(4);
    // The failed run's bigOrders is empty: no mean, so three points on the means line.
    expect(await page.$$eval('#means circle > title', (titles) => titles.map((t) => t.textContent))).to.deep.equal(['26.80', '32.20', '42.33']);
    await page.screenshot({ path: path.join(IMAGES, 'ui-node.png'), fullPage: true });
    await page.goto(`${ui.url}/runs/${shop.runs.failed}`);
    await Promise.all([page.waitForURL(/sources\/report/), page.click('#facts a:text-is("report")')]);
    expect(await cells(page, 'sources', 0)).to.deep.equal(['rawOrders', 'minimum', 'ordersPath']);
  });

  it('draws the DAG of a tracked run of a driver without a cache, from the graph the tracker stored', async () => {
    await page.goto(`${ui.url}/runs/${shop.runs.plain}`);
    expect(await page.$('#no-graph')).to.equal(null);
    expect(await fillOf(page, 'doubled')).to.equal(STATUS_COLOURS.success);
    expect(await page.$$eval('#graph g.node title', (titles) => titles.map((t) => t.textContent).sort())).to.deep.equal(['doubled', 'x']);
  });

  it('serves a PostgreSQL store: an uncached tracked run drawn, and its output’s sources naming the loader’s kind and file', async () => {
    const db = await freshDatabase();
    const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-ui-pg-'));
    const file = path.join(folder, 'spend.json');
    writeFileSync(file, JSON.stringify([{ spend: 10 }, { spend: 30 }]));
    class Training {
      @loadFrom.json({ path: file, inject: 'rows' })
      spend(rows: { spend: number }[]): number[] {
        return rows.map((r) => r.spend);
      }
      @node() model(spend: number[]): number {
        return spend.reduce((a, b) => a + b, 0) / spend.length;
      }
    }
    const tracker = new RunTracker({ project: 'training', store: db.url });
    const dr = new Builder().withModules(Training).withAdapters(tracker).build();
    expect(dr.execute(['model'])).to.deep.equal({ model: 20 });
    await tracker.close();
    const served = await startUi({ store: db.url, port: 0 });
    servers.push(served.url);
    try {
      await page.goto(`${served.url}/projects/training`);
      await page.click('#runs tbody a');
      expect(await fillOf(page, 'model')).to.equal(STATUS_COLOURS.success);
      await page.click('#facts a:text-is("model")');
      const kinds = await cells(page, 'sources', 1);
      expect(kinds.some((kind) => kind === `json loader: ${file}`)).to.equal(true);
      await page.screenshot({ path: path.join(IMAGES, 'ui-sources.png'), fullPage: true });
    } finally {
      await served.close();
      rmSync(folder, { recursive: true, force: true });
      await db.drop();
    }
  });

  it('loads nothing from outside the server and logs no script error', () => {
    expect(elsewhere).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});

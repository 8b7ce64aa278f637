import { expect } from 'chai';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HamiltonError, SQLiteStore } from 'hamilton-ts';
import { runCli } from '../../lib/cli/program.js';
import { startUi, type RunningUi } from '../../lib/ui/server.js';
import { servedByCli, shopStore, type ShopStore } from './fixture.js';

/** The UI's HTTP answers over a real store, without a browser. */
describe('ui: server pages over HTTP', function () {
  this.timeout(30000);
  let shop: ShopStore;
  let ui: RunningUi;
  const get = async (path: string) => {
    const response = await fetch(`${ui.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };
  before(async () => {
    shop = await shopStore();
    ui = await startUi({ store: shop.folder, port: 0 });
  });
  after(async () => {
    await ui?.close();
    shop?.remove();
  });

  it('listens on an ephemeral port of 127.0.0.1 and serves its stylesheet and script from the package', async () => {
    expect(ui.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const css = await get('/assets/ui.css');
    expect(css.type).to.match(/text\/css/);
    expect(css.body).to.include('.badge');
    const js = await get('/assets/ui.js');
    expect(js.type).to.match(/javascript/);
    const home = await get('/');
    expect(home.body).to.include('href="/assets/ui.css"');
    expect(home.body).to.not.match(/https?:\/\//);
  });

  it('lists projects and a project’s runs, filtered by the query', async () => {
    const home = await get('/');
    expect(home.body).to.include('href="/projects/shop"').and.include('href="/projects/plain"');
    const all = await get('/projects/shop');
    for (const id of Object.values(shop.runs).slice(0, 4)) expect(all.body).to.include(`href="/runs/${id}"`);
    const failed = await get('/projects/shop?status=failed');
    expect(failed.body).to.include(`href="/runs/${shop.runs.failed}"`);
    expect(failed.body).to.not.include(`href="/runs/${shop.runs.first}"`);
    expect(failed.body).to.include('1 of 4 runs.');
    const dev = await get('/projects/shop?tag=env%3Ddev');
    expect(dev.body).to.include('2 of 4 runs.');
  });

  it('escapes what the store holds (a tag value with markup is text)', async () => {
    const runs = await get('/projects/shop');
    expect(runs.body).to.include('note=&lt;b&gt;first&lt;/b&gt;');
    expect(runs.body).to.not.include('<b>first</b>');
  });

  it('draws a tracked run’s DAG as SVG, cached or not', async () => {
    const cached = await get(`/runs/${shop.runs.edited}`);
    expect(cached.body).to.include('<svg').and.include('<title>bigOrders</title>');
    expect(cached.body).to.include(`href="/diff?a=${shop.runs.newInput}&amp;b=${shop.runs.edited}"`);
    const first = await get(`/runs/${shop.runs.first}`);
    expect(first.body).to.not.include('id="compare-previous"');
    const plain = await get(`/runs/${shop.runs.plain}`);
    expect(plain.body).to.include('<svg').and.include('<title>doubled</title>').and.include('<title>x</title>');
    expect(plain.body).to.include('id="timeline"');
    const sources = await get(`/runs/${shop.runs.plain}/sources/doubled`);
    expect(sources.body).to.match(/x<\/td><td>input<\/td>/);
  });

  it('lists the nodes of a run whose graph the store lacks (an older store, no cache) as a table with a note why', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'hamilton-ui-copy-'));
    cpSync(shop.folder, copy, { recursive: true });
    const store = new SQLiteStore(copy);
    store.statement('DELETE FROM dag_graphs').run();
    store.close();
    const old = await startUi({ store: copy, port: 0 });
    try {
      const plain = await fetch(`${old.url}/runs/${shop.runs.plain}`).then((r) => r.text());
      expect(plain).to.include('id="no-graph"').and.include('doubled');
      expect(plain).to.not.include('id="graph"');
      const sources = await fetch(`${old.url}/runs/${shop.runs.plain}/sources/doubled`);
      expect(sources.status).to.equal(404);
      expect(await sources.text()).to.include('does not hold the graph');
    } finally {
      await old.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('shows the failed node’s error beside its name, a node across runs, a diff and the sources of an output', async () => {
    const failed = await get(`/runs/${shop.runs.failed}`);
    expect(failed.body).to.match(/id="errors".*report.*no order reaches the minimum/s);
    const node = await get('/projects/shop/nodes/bigOrders');
    expect(node.body).to.include('id="durations"').and.include(`href="/runs/${shop.runs.first}"`);
    const diff = await get(`/diff?a=${shop.runs.newInput}&b=${shop.runs.edited}`);
    expect(diff.body).to.match(/bigOrders<\/a><\/td><td><span class="badge code">/);
    expect(diff.body).to.match(/revenue<\/a><\/td>.*explained by <code>bigOrders<\/code>/);
    const sources = await get(`/runs/${shop.runs.failed}/sources/report`);
    expect(sources.body)
      .to.match(/rawOrders<\/td><td>loader/)
      .and.match(/minimum<\/td><td>input<\/td><td><code title="[0-9a-f]+"/);
  });

  it('answers 404 with the reason for an unknown run, project, node or a diff without two runs', async () => {
    for (const [path, reason] of [
      ['/runs/nope', "No run 'nope'"],
      ['/projects/nope', "No project named 'nope'"],
      ['/projects/shop/nodes/nope', "recorded node 'nope'"],
      [`/diff?a=${shop.runs.first}`, 'Pick two runs'],
    ]) {
      const answer = await get(path);
      expect(answer.status, path).to.equal(404);
      expect(answer.body, path).to.include(reason.replace(/'/g, '&#39;'));
    }
  });

  it('hamilton-ts ui serves the store until SIGTERM, then exits 0', async () => {
    const code = await servedByCli(shop.folder, async (url) => {
      const home = await fetch(url).then((r) => r.text());
      expect(home).to.include('href="/projects/shop"');
    });
    expect(code).to.equal(0);
  });

  it('refuses what plain JavaScript may pass wrong to startUi with a HamiltonError, before opening anything', async () => {
    const misuse = [
      undefined,
      { store: 42 },
      { store: '' },
      { store: shop.folder, port: -1 },
      { store: shop.folder, port: 1.5 },
      { store: shop.folder, host: 7 },
    ];
    for (const options of misuse) {
      let error: unknown;
      await startUi(options as unknown as Parameters<typeof startUi>[0]).catch((e: unknown) => (error = e));
      expect(error, JSON.stringify(options)).to.be.instanceOf(HamiltonError);
      expect((error as Error).message).to.match(/startUi|port/);
    }
  });

  it('answers a malformed path with a short error page, not a stack trace', async () => {
    const answer = await get('/runs/%E0%A4%A');
    expect(answer.status).to.equal(400);
    expect(answer.body).to.include('class="error"');
    expect(answer.body).to.not.match(/at .*\.js:\d+/);
  });

  it('refuses a store that is not there with a HamiltonError, and the CLI a bad port or missing store (exit 2)', async () => {
    let error: unknown;
    await startUi({ store: `${shop.folder}/missing` }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(HamiltonError);
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => written.push(chunk) > 0;
    try {
      expect(await runCli(['ui', '--store', shop.folder, '--port', 'eighty'])).to.equal(2);
      expect(await runCli(['ui', '--store', `${shop.folder}/missing`, '--port', '0'])).to.equal(2);
      expect(await runCli(['ui'])).to.equal(2);
    } finally {
      process.stderr.write = write;
    }
    expect(written.join(''))
      .to.match(/port 'eighty' is not a port number/)
      .and.match(/No store at/)
      .and.match(/--store/);
  });
});

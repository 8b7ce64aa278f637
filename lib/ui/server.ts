import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Express from 'express';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import { requireOptional } from '../errors/optional-package.js';
import { SCRIPT, STYLESHEET } from './assets.js';
import { page, text } from './html.js';
import { UiMessages } from './messages.js';
import { diffPage } from './pages/diff.js';
import { nodePage } from './pages/node.js';
import { projectsPage } from './pages/projects.js';
import { runPage } from './pages/run.js';
import { runsPage } from './pages/runs.js';
import { sourcesPage } from './pages/sources.js';
import { diffRuns } from './run-diff.js';
import { filterRuns } from './run-filter.js';
import { runPicture } from './run-picture.js';
import { sourcesOf } from './sources.js';
import { StoreReader } from './store-reader.js';

export interface UiOptions {
  /** The store's folder, its hamilton.sqlite file, or a `postgres://` URL. */
  readonly store: string;
  /** 0 (the default) takes any free port. */
  readonly port?: number;
  /** 127.0.0.1 unless told: the runs hold the project's data summaries. */
  readonly host?: string;
}

export interface RunningUi {
  readonly url: string;
  readonly file: string;
  close(): Promise<void>;
}

/** Past this many nodes a run's DAG is not drawn (Graphviz would take seconds and the picture is unreadable). */
export const MAX_DRAWN_NODES = 400;

/** A page the store has nothing for: a 404 with the reason. */
class NotFound extends Error {}

/** The runs UI's Express app over a store reader: server-rendered pages, the stylesheet and script from the package. */
export function createUiApp(reader: StoreReader): Express.Express {
  const express = requireOptional<typeof Express>('express', UiMessages.neededFor);
  const app = express();
  app.disable('x-powered-by');
  app.get('/assets/ui.css', (_req, res) => void res.type('text/css').send(STYLESHEET));
  // No icon: an empty answer keeps browsers from logging a 404 on every page.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/assets/ui.js', (_req, res) => void res.type('application/javascript').send(SCRIPT));
  const html = (render: (req: Express.Request) => string | Promise<string>) => async (req: Express.Request, res: Express.Response) => {
    try {
      res.type('html').send(await render(req));
    } catch (error) {
      const notFound = error instanceof NotFound;
      res
        .status(notFound ? 404 : 500)
        .type('html')
        .send(page(notFound ? 'Not found' : 'Error', [], `<p class="error">${text((error as Error).message)}</p>`));
    }
  };
  const runOf = (id: string) => reader.run(id) ?? fail(UiMessages.noRun(id));
  const param = (req: Express.Request, name: string) => String(req.params[name]);
  const query = (req: Express.Request, name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? req.query[name] : undefined);

  app.get(
    '/',
    html(() => projectsPage(reader.projects())),
  );
  app.get(
    '/projects/:project',
    html((req) => {
      const project = param(req, 'project');
      if (!reader.hasProject(project)) fail(UiMessages.noProject(project));
      const filter = { status: query(req, 'status'), tag: query(req, 'tag'), dagVersion: query(req, 'dag') };
      const runs = reader.runs(project);
      return runsPage(project, runs, filterRuns(runs, filter), filter);
    }),
  );
  app.get(
    '/projects/:project/nodes/:node',
    html((req) => {
      const [project, node] = [param(req, 'project'), param(req, 'node')];
      const history = reader.nodeAcrossRuns(project, node);
      if (history.length === 0) fail(UiMessages.noNode(node, project));
      return nodePage(project, node, history);
    }),
  );
  app.get(
    '/runs/:run',
    html(async (req) => {
      const run = runOf(param(req, 'run'));
      const graph = reader.graphOf(run);
      const drawn = graph && graph.nodes.length + graph.inputs.length <= MAX_DRAWN_NODES;
      const runs = reader.runs(run.project);
      const previous = runs[runs.findIndex((r) => r.runId === run.runId) + 1];
      return runPage(run, graph, drawn ? await runPicture(graph, run.nodes) : undefined, previous?.runId);
    }),
  );
  app.get(
    '/runs/:run/sources/:output',
    html((req) => {
      const run = runOf(param(req, 'run'));
      const graph = reader.graphOf(run) ?? fail(UiMessages.noSources);
      return sourcesPage(run, param(req, 'output'), sourcesOf(graph, param(req, 'output')), reader.readVersions(run.runId));
    }),
  );
  app.get(
    '/diff',
    html((req) => {
      const [a, b] = [query(req, 'a'), query(req, 'b')];
      if (a === undefined || b === undefined) fail(UiMessages.diffNeedsTwo);
      const [before, after] = [runOf(a), runOf(b)];
      const graph = reader.graphOf(after);
      return diffPage(before, after, diffRuns(before, after, graph), graph !== undefined);
    }),
  );
  // Anything else Express itself refuses (a malformed path) is a short page, never a stack trace.
  app.use((error: Error & { status?: number }, _req: Express.Request, res: Express.Response, _next: Express.NextFunction) => {
    res
      .status(error.status ?? 500)
      .type('html')
      .send(page('Error', [], `<p class="error">${text(error.message)}</p>`));
  });
  return app;
}

/** Opens the store and serves the UI; resolves once it listens. */
export async function startUi(options: UiOptions): Promise<RunningUi> {
  checkOptions(options);
  const reader = new StoreReader(options.store);
  const app = createUiApp(reader);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  }).catch((error: unknown) => {
    reader.close();
    throw new HamiltonError((error as Error).message, { cause: error });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    file: reader.file,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          reader.close();
          resolve();
        });
      }),
  };
}

/** What a plain JavaScript caller may pass wrong: a store that is not a path, a port that is not one. */
function checkOptions(options: UiOptions): void {
  if (typeof options !== 'object' || options === null) throw new HamiltonError(UiMessages.badOptions(describeValue(options)));
  if (typeof options.store !== 'string' || options.store.length === 0) throw new HamiltonError(UiMessages.badStore(describeValue(options.store)));
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HamiltonError(UiMessages.badPort(String(port)));
  if (options.host !== undefined && typeof options.host !== 'string') throw new HamiltonError(UiMessages.badHost(describeValue(options.host)));
}

function fail(message: string): never {
  throw new NotFound(message);
}

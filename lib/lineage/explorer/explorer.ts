import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FunctionGraph } from '../../graph/function-graph.js';
import { buildCatalog, type CatalogOptions } from '../catalog/catalog.js';
import type { DisplayOptions } from '../display-options.js';
import { renderDot } from '../dot/render.js';
import { renderSvg } from '../dot/svg.js';
import { allFunctionsScene } from '../pictures.js';
import { explorerPage } from './page.js';

/** Options of `lineageExplorer`: the picture's, the catalog's, a page title and where to write it. */
export interface ExplorerOptions extends DisplayOptions, CatalogOptions {
  /** The page's heading; `'Lineage explorer'` by default. */
  readonly title?: string;
  /** Also writes the page to this file (parent folders are created). */
  readonly file?: string;
}

/** The explorer page of a whole graph: every node drawn, with its catalog entry. */
export async function lineageExplorerHtml(graph: FunctionGraph, classes: readonly Function[], options: ExplorerOptions = {}): Promise<string> {
  const drawing = renderDot(allFunctionsScene(graph), options);
  const svg = await renderSvg(drawing.text);
  const catalog = buildCatalog(graph, classes, options);
  const nodes = catalog.nodes.map((entry) => {
    const svgId = drawing.nodeIds.get(entry.name);
    return svgId === undefined ? entry : { ...entry, svgId };
  });
  const html = explorerPage(svg, { title: options.title ?? 'Lineage explorer', nodes, edges: drawing.edges });
  if (options.file !== undefined) {
    mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    writeFileSync(options.file, html, 'utf8');
  }
  return html;
}

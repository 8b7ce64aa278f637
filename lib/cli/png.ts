import { Messages } from '../constants/messages.js';
import { requireOptional } from '../errors/optional-package.js';
import { renderSvg } from '../lineage/dot/svg.js';

/** The part of @resvg/resvg-js used here. */
interface ResvgModule {
  Resvg: new (svg: string, options: { font: { loadSystemFonts: boolean }; background: string }) => { render(): { asPng(): Buffer } };
}

const RESVG = '@resvg/resvg-js';
let resvg: ResvgModule | undefined;

/**
 * A PNG of DOT text: laid out by the same WebAssembly Graphviz as `.svg`, then rasterised by resvg (Rust,
 * prebuilt per platform, no system Graphviz or Cairo). @resvg/resvg-js is an optional peer dependency, loaded
 * on the first PNG; without it this is a `MissingPackageError` naming the package.
 */
export async function renderPng(dot: string): Promise<Buffer> {
  resvg ??= requireOptional<ResvgModule>(RESVG, Messages.cli.pngFor);
  const svg = await renderSvg(dot);
  // Graphviz names fonts (Times, Helvetica) that the system maps to what it has; white, as Graphviz's PNGs are.
  return new resvg.Resvg(svg, { font: { loadSystemFonts: true }, background: 'white' }).render().asPng();
}

import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Messages } from '../../constants/messages.js';
import { isNotInstalled, MissingPackageError } from '../../errors/optional-package.js';

const GRAPHVIZ = '@hpcc-js/wasm-graphviz';
let graphviz: Promise<Graphviz> | undefined;

/**
 * Renders DOT text to SVG in process with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz; the wasm
 * ships inside the npm package, no system binary is needed). The module is loaded on first use, so drivers
 * that never draw do not pay for it; later renders reuse the loaded instance. It is an optional peer
 * dependency: without it this rejects with a `MissingPackageError` saying what to install.
 */
export async function renderSvg(dot: string): Promise<string> {
  graphviz ??= loadGraphviz();
  try {
    return (await graphviz).dot(dot, 'svg');
  } catch (error) {
    graphviz = undefined;
    throw error;
  }
}

async function loadGraphviz(): Promise<Graphviz> {
  try {
    return await (await import('@hpcc-js/wasm-graphviz')).Graphviz.load();
  } catch (error) {
    if (!isNotInstalled(error, GRAPHVIZ)) throw error;
    throw new MissingPackageError(GRAPHVIZ, Messages.optionalPackage.graphvizFor, Messages.optionalPackage.plainInstall(GRAPHVIZ), error);
  }
}

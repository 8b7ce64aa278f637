import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

/**
 * Renders DOT text to SVG in process with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz; the wasm
 * ships inside the npm package, no system binary is needed). The module is loaded on first use, so drivers
 * that never draw do not pay for it; later renders reuse the loaded instance.
 */
export async function renderSvg(dot: string): Promise<string> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((module) => module.Graphviz.load());
  try {
    return (await graphviz).dot(dot, 'svg');
  } catch (error) {
    graphviz = undefined;
    throw error;
  }
}

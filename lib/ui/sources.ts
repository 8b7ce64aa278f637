import type { RunGraph } from './records.js';

/** Where an output came from: the external inputs it reads and the loaders (nodes reading nothing computed). */
export interface Sources {
  readonly inputs: readonly string[];
  readonly loaders: readonly string[];
}

/**
 * The sources of `output` in a run's graph: every external input upstream of it, and every upstream node that
 * reads no other computed node (a `@dataloader`, a `@loadFrom` node, or a method reading only inputs).
 */
export function sourcesOf(graph: RunGraph, output: string): Sources {
  const inputs = new Set<string>();
  const loaders = new Set<string>();
  const seen = new Set<string>();
  const stack = [output];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const dependencies = graph.dependencies.get(name);
    if (!dependencies) {
      inputs.add(name);
      continue;
    }
    if (name !== output && dependencies.every((d) => !graph.dependencies.has(d))) loaders.add(name);
    stack.push(...dependencies);
  }
  return { inputs: [...inputs].sort(), loaders: [...loaders].sort() };
}

import { DATA_LOADER_KIND_TAG, DATA_LOADER_SOURCE_TAG, DATA_LOADER_TAG } from '../constants/metadata-keys.js';
import type { RunGraph } from './records.js';

/** Where an output came from: the external inputs it reads and the loaders (nodes reading nothing computed). */
export interface Sources {
  readonly inputs: readonly string[];
  readonly loaders: readonly string[];
  /** Per loader the tracker's graph tags as a data loader: its kind and what it read (e.g. `csv: data/spend.csv`). */
  readonly loaded: ReadonlyMap<string, { readonly kind?: string; readonly source?: string }>;
}

/**
 * The sources of `output` in a run's graph: every external input upstream of it, and every upstream node that
 * is tagged a data loader (`@dataloader`, `@loadFrom`) or reads no other computed node (a method reading only inputs).
 */
export function sourcesOf(graph: RunGraph, output: string): Sources {
  const inputs = new Set<string>();
  const loaders = new Set<string>();
  const loaded = new Map<string, { kind?: string; source?: string }>();
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
    const tags = graph.tags?.get(name);
    const tagged = tags?.[DATA_LOADER_TAG] !== undefined;
    if (tagged) loaded.set(name, { kind: tagText(tags?.[DATA_LOADER_KIND_TAG]), source: tagText(tags?.[DATA_LOADER_SOURCE_TAG]) });
    if (name !== output && (tagged || dependencies.every((d) => !graph.dependencies.has(d)))) loaders.add(name);
    stack.push(...dependencies);
  }
  return { inputs: [...inputs].sort(), loaders: [...loaders].sort(), loaded };
}

function tagText(value: string | readonly string[] | undefined): string | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? value : value.join(', ');
}

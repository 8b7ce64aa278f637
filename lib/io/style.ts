import { DATA_LOADER_TAG, DATA_SAVER_TAG } from '../constants/metadata-keys.js';
import type { Tags } from '../graph/node.js';

/** How pictures draw loaders (cylinders: a store read) and savers (folders: a store written). */
export function ioNodeStyle(node: { readonly tags: Tags }): Readonly<Record<string, string>> | undefined {
  if (node.tags[DATA_LOADER_TAG] !== undefined) return { shape: 'cylinder', style: 'filled', fillcolor: '#cfe8cf', color: '#2e6b2e' };
  if (node.tags[DATA_SAVER_TAG] !== undefined) return { shape: 'folder', style: 'filled', fillcolor: '#f6d8c4', color: '#8a4b22' };
  return undefined;
}

export const IO_STYLE_LEGEND = 'loader (cylinder) / saver (folder)';

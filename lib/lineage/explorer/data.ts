import type { CatalogEntry } from '../catalog/catalog.js';

/** A node as the explorer page knows it: its catalog entry and the id of its SVG element (if drawn). */
export interface ExplorerNode extends CatalogEntry {
  readonly svgId?: string;
}

/** Everything the explorer page embeds besides the SVG. */
export interface ExplorerData {
  readonly title: string;
  readonly nodes: readonly ExplorerNode[];
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string }[];
}

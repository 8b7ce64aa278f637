/**
 * How each kind of node is drawn, after Hamilton's own pictures: functions are filled rounded boxes,
 * external inputs dashed boxes, config values notes; requested outputs and overrides are marked by colour.
 */

/** What a node is in a picture; marks (output, override, missing, selected) are drawn over the base kind. */
export type NodeKind = 'function' | 'input' | 'config';

/** How the picture marks a node beyond its kind. */
export type NodeMark = 'output' | 'override' | 'missing' | 'selected';

/** Graphviz attributes. */
export type Attributes = Readonly<Record<string, string>>;

export const FONT = 'Helvetica';

export const KIND_STYLES: Readonly<Record<NodeKind, Attributes>> = {
  function: { shape: 'rectangle', style: 'rounded,filled', fillcolor: '#b4d8e4', color: '#2b5d73', margin: '0.15' },
  input: { shape: 'rectangle', style: 'dashed', color: '#555555', margin: '0.15' },
  config: { shape: 'note', style: 'filled', fillcolor: '#f3f3f3', color: '#777777', margin: '0.15' },
};

export const MARK_STYLES: Readonly<Record<NodeMark, Attributes>> = {
  output: { fillcolor: '#ffc857', style: 'rounded,filled', penwidth: '2' },
  override: { fillcolor: '#d7c8f3', style: 'rounded,filled,dashed', penwidth: '2' },
  missing: { color: '#c0392b', fontcolor: '#c0392b', penwidth: '2' },
  selected: { penwidth: '3', color: '#1d3f4f' },
};

/** Legend captions. */
export const KIND_CAPTIONS: Readonly<Record<NodeKind, string>> = {
  function: 'function',
  input: 'input',
  config: 'config',
};

export const MARK_CAPTIONS: Readonly<Record<NodeMark, string>> = {
  output: 'output',
  override: 'override',
  missing: 'missing input',
  selected: 'selected',
};

/** A node's attributes: its kind's, then each mark's (later ones win; `style` lists are merged). */
export function styleOf(kind: NodeKind, marks: readonly NodeMark[]): Record<string, string> {
  const attributes: Record<string, string> = { ...KIND_STYLES[kind] };
  for (const mark of marks) {
    const extra = MARK_STYLES[mark];
    for (const [key, value] of Object.entries(extra)) {
      attributes[key] = key === 'style' ? mergeStyles(attributes.style ?? '', value) : value;
    }
  }
  return attributes;
}

/** The union of two comma-separated Graphviz style lists. */
export function mergeStyles(a: string, b: string): string {
  const parts = [...a.split(','), ...b.split(',')].map((s) => s.trim()).filter((s) => s.length > 0);
  return [...new Set(parts)].join(',');
}

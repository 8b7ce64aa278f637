import { NAMESPACE_SEPARATOR } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';
import { originOf } from '../../graph/function-graph.js';
import type { GraphNode } from '../../graph/node.js';
import { describeType } from '../../metadata/value-types.js';
import type { DisplayOptions, Orient } from '../display-options.js';
import { variableOf } from '../variable.js';
import { attributeList, attributePairs, dotString, htmlText, isAttributeName } from './escape.js';
import { kindOf, namespaceOf, shortNameOf, type Scene } from './scene.js';
import { FONT, KIND_CAPTIONS, KIND_STYLES, MARK_CAPTIONS, styleOf, type NodeKind, type NodeMark } from './styles.js';

/** A scene as DOT text, with the SVG ids Graphviz will give its nodes and edges. */
export interface DotDrawing {
  readonly text: string;
  /** SVG element id of each drawn node, by node name. */
  readonly nodeIds: ReadonlyMap<string, string>;
  /** Each drawn edge: its SVG element id, producer and consumer. */
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string }[];
}

const ORIENTS: readonly Orient[] = ['LR', 'TB', 'RL', 'BT'];
const NO_MARKS: readonly NodeMark[] = [];

interface Cluster {
  readonly segment: string;
  readonly nodes: GraphNode[];
  readonly children: Map<string, Cluster>;
}

/** Writes a scene as a Graphviz digraph: nodes by kind and mark, sub-graph namespaces as clusters, a legend. */
export function renderDot(scene: Scene, options: DisplayOptions = {}): DotDrawing {
  const orient = options.orient ?? 'LR';
  if (!ORIENTS.includes(orient)) throw new HamiltonError(Messages.lineage.badOrient(String(orient), ORIENTS));
  const nodes = options.hideInputs ? scene.nodes.filter((n) => n.role === 'function') : scene.nodes;
  const drawn = new Set(nodes.map((n) => n.name));
  const nodeIds = new Map(nodes.map((n, i) => [n.name, `node_${i}`]));

  const lines: string[] = ['digraph hamilton {'];
  const graphAttributes = checked({ rankdir: orient, fontname: FONT, ...options.graphAttributes }, 'graphAttributes');
  lines.push(`  graph${attributeList(graphAttributes)};`);
  lines.push(`  node${attributeList({ fontname: FONT, fontsize: '12' })};`);
  lines.push(`  edge${attributeList({ color: '#4d4d4d', arrowsize: '0.7' })};`);

  const used: UsedStyles = { kinds: new Set(), marks: new Set(), custom: undefined };
  // Without a custom style, every node of one kind and marks shares its attribute text.
  const styleTexts = new Map<string, string>();
  const nodeLine = (node: GraphNode, indent: string) => {
    const kind = kindOf(node);
    const marks = scene.marks.get(node.name) ?? NO_MARKS;
    used.kinds.add(kind);
    for (const mark of marks) used.marks.add(mark);
    const custom = options.customStyle?.(variableOf(node, scene.graph));
    let style: string;
    if (custom) {
      const extra = checked(custom, `customStyle (node '${node.name}')`);
      style = attributePairs({ ...styleOf(kind, marks), ...extra });
      used.custom ??= extra;
    } else {
      const key = marks.length === 0 ? kind : `${kind} ${marks.join(' ')}`;
      style = styleTexts.get(key) ?? attributePairs(styleOf(kind, marks));
      styleTexts.set(key, style);
    }
    const classes = marks.length === 0 ? kind : `${kind} ${marks.join(' ')}`;
    const label = labelOf(node, options.showTypes ?? true);
    const tooltip = dotString(node.doc || originOf(node));
    return `${indent}${dotString(node.name)} [label=<${label}>, ${style}, id="${nodeIds.get(node.name)!}", class="hamilton ${classes}", tooltip=${tooltip}];`;
  };

  const root: Cluster = { segment: '', nodes: [], children: new Map() };
  for (const node of nodes) clusterFor(root, namespaceOf(node)).nodes.push(node);
  let clusterCount = 0;
  const writeCluster = (cluster: Cluster, indent: string) => {
    for (const node of cluster.nodes) lines.push(nodeLine(node, indent));
    for (const child of cluster.children.values()) {
      lines.push(`${indent}subgraph ${dotString(`cluster_${clusterCount++}`)} {`);
      const style = { style: 'rounded,dashed', color: '#8a8a8a', fontname: FONT, fontcolor: '#333333' };
      lines.push(`${indent}  graph${attributeList(style, `<b>${htmlText(child.segment)}</b>`)};`);
      writeCluster(child, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  writeCluster(root, '  ');

  const edges: { id: string; from: string; to: string }[] = [];
  for (const node of nodes) {
    node.dependencies.forEach((dependency) => {
      if (!drawn.has(dependency.name)) return;
      const id = `edge_${edges.length}`;
      edges.push({ id, from: dependency.name, to: node.name });
      const attributes: Record<string, string> = { id, class: 'hamilton' };
      if (dependency.optional) attributes.style = 'dashed';
      lines.push(`  ${dotString(dependency.name)} -> ${dotString(node.name)}${attributeList(attributes)};`);
    });
  }

  if (options.showLegend ?? true) lines.push(...legend(used, drawn, options.customStyleLegend, orient === 'LR'));
  lines.push('}');
  return { text: `${lines.join('\n')}\n`, nodeIds, edges };
}

/** `<b>name</b>` and, when known and wanted, the type in italics. */
function labelOf(node: GraphNode, showTypes: boolean): string {
  const name = `<b>${htmlText(shortNameOf(node))}</b>`;
  if (!showTypes || node.type === undefined) return name;
  return `${name}<br/><i>${htmlText(describeType(node.type))}</i>`;
}

function clusterFor(root: Cluster, namespace: string | undefined): Cluster {
  if (namespace === undefined) return root;
  let cluster = root;
  // `a.b` is a cluster inside `a`.
  for (const segment of namespace.split(NAMESPACE_SEPARATOR)) {
    let child = cluster.children.get(segment);
    if (!child) {
      child = { segment, nodes: [], children: new Map() };
      cluster.children.set(segment, child);
    }
    cluster = child;
  }
  return cluster;
}

/** Attributes from a caller, with every name checked (a bad one would break the DOT syntax). */
function checked(attributes: Readonly<Record<string, string>>, where: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!isAttributeName(key)) throw new HamiltonError(Messages.lineage.badAttributeName(where, key));
    if (typeof value !== 'string') throw new HamiltonError(Messages.lineage.badAttributeValue(where, key, typeof value));
    result[key] = value;
  }
  return result;
}

/** The kinds, marks and first custom style a picture used, for its legend. */
interface UsedStyles {
  readonly kinds: Set<NodeKind>;
  readonly marks: Set<NodeMark>;
  custom: Record<string, string> | undefined;
}

/** The legend: one sample node per kind and mark the picture uses (and the custom style, when captioned). */
function legend(used: UsedStyles, names: ReadonlySet<string>, customCaption: string | undefined, upward: boolean): string[] {
  let prefix = 'legend:';
  while ([...names].some((name) => name.startsWith(prefix))) prefix += ':';
  const entries: [string, string, Record<string, string>][] = [];
  for (const kind of ['function', 'input', 'config'] as const) {
    if (used.kinds.has(kind)) entries.push([kind, KIND_CAPTIONS[kind], { ...KIND_STYLES[kind] }]);
  }
  for (const mark of ['output', 'override', 'missing', 'selected'] as const) {
    if (used.marks.has(mark)) entries.push([mark, MARK_CAPTIONS[mark], styleOf(mark === 'missing' ? 'input' : 'function', [mark])]);
  }
  if (used.custom && customCaption !== undefined) {
    entries.push(['custom', customCaption, { ...KIND_STYLES.function, ...used.custom }]);
  }
  if (entries.length === 0) return [];
  const lines = [
    `  subgraph ${dotString('cluster_legend')} {`,
    `    graph${attributeList({ label: 'Legend', style: 'rounded', color: '#bbbbbb', fontname: FONT, fontsize: '11' })};`,
  ];
  // Left to right, Graphviz stacks one rank's nodes from the bottom up: reversed, they read top down.
  for (const [key, caption, attributes] of upward ? entries.reverse() : entries) {
    const sample = { ...attributes, id: `${prefix}${key}`, class: `hamilton legend ${key}`, fontsize: '10', tooltip: caption };
    lines.push(`    ${dotString(`${prefix}${key}`)}${attributeList(sample, htmlText(caption))};`);
  }
  lines.push('  }');
  return lines;
}

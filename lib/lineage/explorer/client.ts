import type { ExplorerData, ExplorerNode } from './data.js';

/**
 * The explorer page's script. It runs in the browser, not in Node: the page embeds this function's
 * compiled source (`explorerClient.toString()`) and calls it with the embedded data, so it must stay
 * self-contained (no imports at run time, no helpers from outside its body).
 *
 * - typing in the search box marks matching nodes (class `match`) and lists them (the list closes on a
 *   selection and opens again on focus);
 * - clicking a node (in the picture or in a list) selects it: the node gets `selected`, every node it
 *   depends on transitively `upstream`, every node that depends on it `downstream`, the rest `dimmed`
 *   (edges too), and the side panel shows its doc, type, tags, code, source line, inputs and dependents;
 * - Escape clears the selection; `#node=<name>` in the URL selects a node when the page opens.
 */
export function explorerClient(data: ExplorerData): void {
  const byName = new Map<string, ExplorerNode>();
  const bySvgId = new Map<string, ExplorerNode>();
  for (const node of data.nodes) {
    byName.set(node.name, node);
    if (node.svgId) bySvgId.set(node.svgId, node);
  }
  const svgElement = (id: string | undefined): Element | null => (id ? document.getElementById(id) : null);
  const search = document.getElementById('search') as HTMLInputElement;
  const results = document.getElementById('results') as HTMLElement;
  const details = document.getElementById('details') as HTMLElement;
  const highlightClasses = ['selected', 'upstream', 'downstream', 'dimmed'];

  const closure = (start: string, next: (node: ExplorerNode) => readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...next(byName.get(start)!)];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name) || name === start) continue;
      seen.add(name);
      const node = byName.get(name);
      if (node) stack.push(...next(node));
    }
    return seen;
  };

  const element = (tag: string, text?: string, className?: string): HTMLElement => {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    return el;
  };

  const nodeLinks = (names: readonly string[], direct?: ReadonlySet<string>): HTMLElement => {
    const list = element('ul', undefined, 'links');
    if (names.length === 0) list.appendChild(element('li', 'none', 'none'));
    for (const name of [...names].sort()) {
      const item = element('li');
      const button = element('button', name, direct?.has(name) ? 'node-link direct' : 'node-link');
      button.dataset.node = name;
      button.addEventListener('click', () => select(name));
      item.appendChild(button);
      list.appendChild(item);
    }
    return list;
  };

  const clear = (): void => {
    for (const el of Array.from(document.querySelectorAll('#graph g.node, #graph g.edge'))) el.classList.remove(...highlightClasses);
  };

  const showDetails = (node: ExplorerNode, upstream: Set<string>, downstream: Set<string>): void => {
    details.replaceChildren();
    details.appendChild(element('h2', node.name, 'node-name'));
    const facts = element('dl');
    const fact = (term: string, value: string | HTMLElement) => {
      facts.appendChild(element('dt', term));
      const dd = element('dd');
      if (typeof value === 'string') dd.textContent = value;
      else dd.appendChild(value);
      facts.appendChild(dd);
    };
    fact('kind', node.kind);
    fact('type', node.type);
    if (node.doc) fact('doc', node.doc);
    const tagKeys = Object.keys(node.tags);
    if (tagKeys.length > 0) {
      const tags = element('ul', undefined, 'tags');
      for (const key of tagKeys) {
        const value = node.tags[key];
        tags.appendChild(element('li', `${key}=${typeof value === 'string' ? value : value.join('|')}`, 'tag'));
      }
      fact('tags', tags);
    }
    if (node.originatingFunctions.length > 0) fact('defined by', node.originatingFunctions.join(', '));
    if (node.source) fact('source', `${node.source.file}:${node.source.line}`);
    details.appendChild(facts);
    const section = (title: string, names: readonly string[], direct?: ReadonlySet<string>) => {
      details.appendChild(element('h3', `${title} (${names.length})`));
      details.appendChild(nodeLinks(names, direct));
    };
    section('Inputs', node.inputs);
    section('Dependents', node.dependents);
    section('Upstream', [...upstream], new Set(node.inputs));
    section('Downstream', [...downstream], new Set(node.dependents));
  };

  const select = (name: string): void => {
    const node = byName.get(name);
    if (!node) return;
    const upstream = closure(name, (n) => n.inputs);
    const downstream = closure(name, (n) => n.dependents);
    clear();
    for (const other of data.nodes) {
      const el = svgElement(other.svgId);
      if (!el) continue;
      if (other.name === name) el.classList.add('selected');
      else if (upstream.has(other.name)) el.classList.add('upstream');
      else if (downstream.has(other.name)) el.classList.add('downstream');
      else el.classList.add('dimmed');
    }
    for (const edge of data.edges) {
      const el = svgElement(edge.id);
      if (!el) continue;
      const intoUpstream = upstream.has(edge.from) && (upstream.has(edge.to) || edge.to === name);
      const intoDownstream = downstream.has(edge.to) && (downstream.has(edge.from) || edge.from === name);
      el.classList.add(intoUpstream ? 'upstream' : intoDownstream ? 'downstream' : 'dimmed');
    }
    showDetails(node, upstream, downstream);
    results.hidden = true;
    document.body.dataset.selected = name;
    if (decodeURIComponent(location.hash.slice(6)) !== name) history.replaceState(null, '', `#node=${encodeURIComponent(name)}`);
    svgElement(node.svgId)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  const showMatches = (): void => {
    const query = search.value.trim().toLowerCase();
    const matches = query ? data.nodes.filter((n) => n.name.toLowerCase().includes(query)) : [];
    for (const node of data.nodes) svgElement(node.svgId)?.classList.toggle('match', matches.includes(node));
    results.replaceChildren();
    for (const node of matches.slice(0, 50)) {
      const item = element('li');
      const button = element('button', node.name, 'node-link');
      button.dataset.node = node.name;
      button.addEventListener('click', () => select(node.name));
      item.appendChild(button);
      item.appendChild(element('span', ` ${node.kind} · ${node.type}`, 'meta'));
      results.appendChild(item);
    }
    results.hidden = matches.length === 0;
  };

  search.addEventListener('input', showMatches);
  search.addEventListener('focus', showMatches);
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const query = search.value.trim().toLowerCase();
    const exact = data.nodes.find((n) => n.name.toLowerCase() === query);
    const first = exact ?? data.nodes.find((n) => n.name.toLowerCase().includes(query));
    if (first) select(first.name);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    clear();
    details.replaceChildren(element('p', 'Click a node to see its lineage.', 'hint'));
    delete document.body.dataset.selected;
  });
  for (const [svgId, node] of bySvgId) {
    const el = svgElement(svgId);
    if (!el) continue;
    el.classList.add('clickable');
    el.addEventListener('click', (event) => {
      event.preventDefault();
      select(node.name);
    });
  }
  const fromHash = /^#node=(.+)$/.exec(location.hash);
  if (fromHash) select(decodeURIComponent(fromHash[1]));
}

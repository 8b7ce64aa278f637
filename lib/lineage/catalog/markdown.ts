import type { TagValue } from '../../graph/node.js';
import type { CatalogEntry, FeatureCatalog } from './catalog.js';

/**
 * The catalog as Markdown: a summary table (one row per node), then one section per computed node with
 * its doc, type, tags, code, source line, inputs and dependents.
 */
export function catalogToMarkdown(catalog: FeatureCatalog, title = 'Feature catalog'): string {
  const counts = { function: 0, input: 0, config: 0 };
  for (const entry of catalog.nodes) counts[entry.kind]++;
  const lines = [
    `# ${inline(title)}`,
    '',
    `${catalog.nodes.length} nodes: ${counts.function} computed, ${counts.input} inputs, ${counts.config} config.`,
    '',
    '| node | kind | type | defined by | tags | doc |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const entry of catalog.nodes) {
    lines.push(
      `| ${code(entry.name, true)} | ${entry.kind} | ${cell(entry.type)} | ${definedBy(entry, true)} | ${cell(tagText(entry))} | ${cell(entry.doc)} |`,
    );
  }
  for (const entry of catalog.nodes) {
    lines.push('', `## ${code(entry.name)}`, '');
    if (entry.doc) lines.push(entry.doc.trim(), '');
    lines.push(`- kind: ${entry.kind}`, `- type: ${cell(entry.type)}`);
    if (entry.namespace !== undefined) lines.push(`- namespace: ${code(entry.namespace)}`);
    if (entry.originatingFunctions.length > 0) lines.push(`- defined by: ${definedBy(entry)}`);
    const tags = tagText(entry);
    if (tags) lines.push(`- tags: ${cell(tags)}`);
    lines.push(`- inputs: ${list(entry.inputs)}`, `- dependents: ${list(entry.dependents)}`);
  }
  return `${lines.join('\n')}\n`;
}

function definedBy(entry: CatalogEntry, inTable = false): string {
  const origins = entry.originatingFunctions.map((origin) => code(origin, inTable)).join(', ');
  if (!origins) return '';
  return entry.source ? `${origins} (${code(`${entry.source.file}:${entry.source.line}`, inTable)})` : origins;
}

function tagText(entry: CatalogEntry): string {
  return Object.entries(entry.tags)
    .map(([key, value]: [string, TagValue]) => `${key}=${typeof value === 'string' ? value : value.join('|')}`)
    .join(', ');
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.map((name) => code(name)).join(', ') : 'none';
}

/** Inline code, fenced with enough backticks to hold any backticks in the text (in a table, pipes escaped). */
function code(text: string, inTable = false): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  const body = inline(padded);
  return `${fence}${inTable ? body.replace(/\|/g, '\\|') : body}${fence}`;
}

/** Text in a table cell: one line, pipes and markup escaped. */
function cell(text: string): string {
  return inline(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_[\]<>#`])/g, '\\$1');
}

function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** HTML text helpers for the server-rendered pages: every value from the store goes through `text` or `attr`. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute. */
export function text(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A link; the href's parts must already be encoded (see `href`). */
export function link(href: string, label: string, className?: string): string {
  return `<a href="${text(href)}"${className ? ` class="${className}"` : ''}>${text(label)}</a>`;
}

/** A path from encoded segments: `href('runs', id)` -> `/runs/<id>`. */
export function href(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

export function time(ms: number | undefined): string {
  return ms === undefined
    ? ''
    : `<time datetime="${new Date(ms).toISOString()}">${text(new Date(ms).toISOString().replace('T', ' ').slice(0, 19))}</time>`;
}

export function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`;
}

/** The first characters of a version hash, whole in the title. */
export function version(value: string | undefined): string {
  return value === undefined ? '' : `<code title="${text(value)}">${text(value.slice(0, 10))}</code>`;
}

export function badge(status: string): string {
  return `<span class="badge ${text(status.replace(/\s+/g, '-'))}">${text(status)}</span>`;
}

/** A table; cells are HTML already escaped by the caller. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], id?: string): string {
  const head = headers.map((h) => `<th>${text(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table${id ? ` id="${id}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The page around a body: title, breadcrumbs, the package's stylesheet and script. */
export function page(title: string, crumbs: readonly [string, string][], body: string): string {
  const trail = [['/', 'Projects'] as const, ...crumbs].map(([to, label]) => link(to, label)).join(' <span>/</span> ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)} · hamilton-ts runs</title><link rel="stylesheet" href="/assets/ui.css"></head>
<body><header><strong>hamilton-ts runs</strong><nav>${trail}</nav></header>
<main><h1>${text(title)}</h1>
${body}
</main><script src="/assets/ui.js"></script></body></html>
`;
}

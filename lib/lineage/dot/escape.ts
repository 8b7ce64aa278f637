/**
 * Escaping for Graphviz DOT. Node names may hold any character (config keys, parameterized outputs), so
 * every identifier and attribute value is written as a quoted string, and labels as HTML-like labels.
 */

/**
 * A DOT quoted string. Inside quotes, DOT only unescapes `\"`; a backslash pair is kept as a pair, so
 * doubling backslashes keeps a trailing backslash from swallowing the closing quote, and escString
 * attributes (tooltip, URL) read `\\` back as one backslash instead of a `\N`-style sequence.
 */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Text placed inside an HTML-like label: markup characters become entities, newlines become breaks. */
export function htmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br/>');
}

const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a string can be a Graphviz attribute name (written unquoted). */
export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/** `[a="x", b="y"]` for an attribute map (names must be checked already); values are quoted. */
export function attributeList(attributes: Readonly<Record<string, string>>, htmlLabel?: string): string {
  const parts = Object.entries(attributes).map(([key, value]) => `${key}=${dotString(value)}`);
  if (htmlLabel !== undefined) parts.unshift(`label=<${htmlLabel}>`);
  return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
}

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
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const NEEDS_ESCAPE = /[\\"\n]/;

/** Text placed inside an HTML-like label: markup characters become entities, newlines become breaks. */
export function htmlText(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br/>');
}

const HTML_SPECIAL = /[&<>"'\n]/;

const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a string can be a Graphviz attribute name (written unquoted). */
export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/** `a="x", b="y"` for an attribute map (names must be checked already); values are quoted. */
export function attributePairs(attributes: Readonly<Record<string, string>>): string {
  let pairs = '';
  for (const key in attributes) pairs += `${pairs === '' ? '' : ', '}${key}=${dotString(attributes[key])}`;
  return pairs;
}

/** `[label=<...>, a="x", b="y"]`: an HTML-like label (already escaped) first, then the attributes. */
export function attributeList(attributes: Readonly<Record<string, string>>, htmlLabel?: string): string {
  const pairs = attributePairs(attributes);
  const label = htmlLabel === undefined ? '' : `label=<${htmlLabel}>`;
  const all = label && pairs ? `${label}, ${pairs}` : label || pairs;
  return all ? ` [${all}]` : '';
}

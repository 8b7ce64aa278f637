/** What multi-row statements are made of: lists in SQL text, and lists of rows cut to a statement's size. */

/** `text` `n` times, comma-separated: a row's placeholders, or the rows of a many-row `VALUES`. */
export function repeated(text: string, n: number): string {
  return new Array<string>(n).fill(text).join(', ');
}

/** `?, ?, ?`: `n` placeholders. */
export const placeholders = (n: number): string => repeated('?', n);

/** The items `size` at a time (a statement takes a list under SQLite's and PostgreSQL's parameter limits). */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

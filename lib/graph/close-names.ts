import { Messages } from '../constants/messages.js';
import { HamiltonError, UnknownNodeError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';

/** Up to three known names closest to `name` (edit distance), for "did you mean" hints. */
export function closeNames(name: string, known: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: Array<[number, string]> = [];
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit || candidate.toLowerCase().includes(lower)) scored.push([distance, candidate]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, 3)
    .map(([, candidate]) => candidate);
}

/**
 * Known names that `name` is a near miss of (a typo: one or two edits, by length), for names of four
 * characters or more. Stricter than {@link closeNames}: it explains a missing input, where a loose guess
 * (`x` for `y`) would be noise rather than help.
 */
export function nearMisses(name: string, known: Iterable<string>): string[] {
  if (name.length < 4) return [];
  const limit = Math.max(1, Math.floor(name.length / 4));
  const lower = name.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit) scored.push([distance, candidate]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, 3)
    .map(([, candidate]) => candidate);
}

/** Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The error for names that are not nodes, each with its close known names. A name that is not a string at
 * all (plain JavaScript, `whatIsUpstreamOf(5)`) is thrown at once as an error saying so, not compared.
 */
export function unknownNodeError(unknown: readonly string[], known: readonly string[]): UnknownNodeError {
  const position = unknown.findIndex((name: unknown) => typeof name !== 'string');
  if (position >= 0) throw new HamiltonError(Messages.arguments.notANodeName(describeValue(unknown[position])));
  return new UnknownNodeError([...new Set(unknown)].map((name) => ({ name, suggestions: closeNames(name, known) })));
}

import { describeValue } from '../metadata/value-types.js';

/** A value that failed a check, and where: an index label (Series, DataFrame) or a position (array). */
export interface Offender {
  readonly label: unknown;
  readonly value: unknown;
}

/** One property of one row (absent for a single object) that broke a schema rule. */
export interface SchemaProblem {
  readonly row?: unknown;
  readonly property: string;
  readonly constraints: Readonly<Record<string, string>>;
}

/** How many entries a message spells out; diagnostics hold more. */
const SHOWN = 5;

/** A value as a result message shows it: numbers and booleans plainly, strings quoted, others described. */
export function showValue(value: unknown): string {
  // Diagnostics keep exact values; a message rounds them for reading.
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : round(value);
  if (typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return describeValue(value);
}

/** A list of values for a message: the first few, then how many more. */
export function showList(values: readonly unknown[], max = SHOWN): string {
  const shown = values.slice(0, max).map(showValue).join(', ');
  return values.length > max ? `${shown}, ... (${values.length - max} more)` : shown;
}

/** `row 4: 7.1, row "b": -6, ...` for the offending values of a Series, column or array. */
export function showOffenders(offenders: readonly Offender[], count: number): string {
  const shown = offenders.slice(0, SHOWN).map((o) => `row ${showValue(o.label)}: ${showValue(o.value)}`);
  return shown.join(', ') + (count > shown.length ? ', ...' : '');
}

/** `row 2: age must not be less than 0, gender must be one of ...; row 5: ...` (a row's problems together). */
export function showProblems(problems: readonly SchemaProblem[]): string {
  const parts: string[] = [];
  let previousRow: unknown = Symbol('none');
  for (const p of problems.slice(0, SHOWN)) {
    const texts = Object.values(p.constraints).join(', ');
    if (p.row !== undefined && p.row === previousRow) parts[parts.length - 1] += `, ${texts}`;
    else parts.push(p.row === undefined ? texts : `row ${showValue(p.row)}: ${texts}`);
    previousRow = p.row;
  }
  return parts.join('; ') + (problems.length > SHOWN ? '; ...' : '');
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  series: 'a Series',
  frame: 'a DataFrame',
  array: 'an array',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  other: 'a bigint, symbol or function',
  missing: 'null or undefined',
};

/** `a Series`, `a number`: a value kind as a sentence names it. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** `12.5%` */
export function percent(fraction: number): string {
  return `${+(fraction * 100).toFixed(2)}%`;
}

/** A statistic rounded for reading (6 significant digits). */
export function round(value: number): string {
  return String(+value.toPrecision(6));
}

import { Messages } from '../../constants/messages.js';
import type { DataFrame } from '../../dataframe/danfo.js';
import type { ValueKind } from '../kinds.js';
import { columnsOf, sequenceOf, type Sequence } from '../sequences.js';
import type { ValidationResult } from '../types.js';

/** A built-in check of `@checkOutput`: an option name and how it checks each kind of value it applies to. */
export interface BuiltInCheck<A = unknown> {
  /** The option of `@checkOutput`, also the check's name in its validator node (`<node>_range_validator`). */
  readonly name: string;
  /** The kinds of values the check makes sense for; any other is a build error or a failed check. */
  readonly kinds: readonly ValueKind[];
  /** The validator node's doc. */
  describe(arg: A): string;
  validate(value: unknown, kind: ValueKind, arg: A): ValidationResult;
}

/** How a check handles each shape of value; a DataFrame is checked column by column unless `frame` is given. */
export interface CheckSpec<A> {
  readonly name: string;
  readonly kinds: readonly ValueKind[];
  describe(arg: A): string;
  sequence?(sequence: Sequence, arg: A): ValidationResult;
  scalar?(value: unknown, kind: ValueKind, arg: A): ValidationResult;
  frame?(frame: DataFrame, arg: A): ValidationResult;
}

/** Builds a check from its per-shape parts: dispatch on the value's kind, and a clear failure where it does not apply. */
export function defineCheck<A>(spec: CheckSpec<A>): BuiltInCheck<A> {
  return {
    name: spec.name,
    kinds: spec.kinds,
    describe: (arg) => spec.describe(arg),
    validate(value, kind, arg) {
      if (!spec.kinds.includes(kind)) return notApplicable(spec.name, kind, spec.kinds);
      if (kind === 'series' || kind === 'array') return spec.sequence!(sequenceOf(value, kind), arg);
      if (kind === 'frame') return spec.frame ? spec.frame(value as DataFrame, arg) : byColumn(value as DataFrame, (s) => spec.sequence!(s, arg));
      return spec.scalar!(value, kind, arg);
    },
  };
}

/** The failed result of a check given a value it cannot check (known only at run time). */
export function notApplicable(check: string, kind: ValueKind, kinds: readonly ValueKind[]): ValidationResult {
  return {
    passes: false,
    message: Messages.validation.notApplicable(check, kind, kinds),
    diagnostics: { kind, appliesTo: kinds },
  };
}

/** A DataFrame passes when every column does; the result names the failing columns. */
function byColumn(frame: DataFrame, check: (sequence: Sequence) => ValidationResult): ValidationResult {
  const columns: Record<string, ValidationResult['diagnostics']> = {};
  const failures: { column: string; message: string }[] = [];
  const all = columnsOf(frame);
  for (const { name, sequence } of all) {
    const result = check(sequence);
    columns[name] = result.diagnostics;
    if (!result.passes) failures.push({ column: name, message: result.message });
  }
  return {
    passes: failures.length === 0,
    message: failures.length === 0 ? Messages.validation.allColumnsPass(all.length) : Messages.validation.columnsFail(failures, all.length),
    diagnostics: { columns, failedColumns: failures.map((f) => f.column) },
  };
}

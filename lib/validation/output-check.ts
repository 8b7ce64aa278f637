import { Messages } from '../constants/messages.js';
import type { Constructor } from '../metadata/registry.js';
import { BUILT_IN_CHECKS } from './checks/index.js';
import { kindOfValue, publicType, publicTypeOfValue, type ValueKind } from './kinds.js';
import type { DataValidator, Importance, ValidationResult } from './types.js';

/** A check ready to become a validator node: built-in or the user's, with one way to ask and to run it. */
export interface OutputCheck {
  readonly name: string;
  readonly importance: Importance;
  readonly description: string;
  /** When the graph is built: whether the check can apply to the declared type (of a known kind). */
  appliesTo(type: Constructor, kind: ValueKind): boolean;
  /** The kinds a built-in check applies to (for the build error); undefined for the user's validators. */
  readonly kinds?: readonly ValueKind[];
  run(value: unknown): ValidationResult | Promise<ValidationResult>;
}

/** A check of `@checkOutput` (its option and argument, as recorded). */
export function builtInCheck(name: string, arg: unknown, importance: Importance): OutputCheck {
  const check = BUILT_IN_CHECKS.get(name)!;
  return {
    name,
    importance,
    description: check.describe(arg as never),
    kinds: check.kinds,
    appliesTo: (_type, kind) => check.kinds.includes(kind),
    run: (value) => check.validate(value, kindOfValue(value), arg as never),
  };
}

/** A validator of `@checkOutputCustom`. */
export function customCheck(validator: DataValidator): OutputCheck {
  return {
    name: validator.name,
    importance: validator.importance,
    description: validator.description ?? '',
    appliesTo: (type, kind) => validator.appliesTo?.(publicType(type, kind)) ?? true,
    run: (value) => {
      // The declared type was unknown or loose (Object): the value itself says what the check is given.
      const kind = kindOfValue(value);
      const type = publicTypeOfValue(value, kind);
      if (validator.appliesTo && type !== undefined && !validator.appliesTo(type)) {
        return { passes: false, message: Messages.validation.validatorDoesNotApplyToValue(validator.name, kind), diagnostics: { kind } };
      }
      return validator.validate(value);
    },
  };
}

import { Messages } from '../../constants/messages.js';
import { arrowClassKind } from '../../dataframe/arrow.js';
import { describeType, isTypedArrayType, valueMatchesType } from '../../metadata/value-types.js';
import type { Constructor } from '../../metadata/registry.js';
import { isMissing, MAX_LISTED, type Sequence } from '../sequences.js';
import type { ValidationResult } from '../types.js';
import { defineCheck, type BuiltInCheck } from './check.js';

/** danfo's dtypes. */
export const DTYPES = ['float32', 'int32', 'string', 'boolean'] as const;
export type Dtype = (typeof DTYPES)[number];

/**
 * What `dataType` accepts: a constructor (`Number`, `String`, `Boolean`, `Date`, a class) or a danfo dtype.
 * On a Series or a DataFrame column, `Number` accepts both numeric dtypes (as numpy's `np.number` does).
 */
export type DataType = Constructor | Function | Dtype;

/**
 * `dataType`: a Series' (or each column's) dtype, each element of an array, or a single value's type. A
 * sequence class (`Array`, `Float64Array`, Arrow's `Vector`) is asked of an array as a whole.
 */
const byShape = defineCheck<DataType>({
  name: 'dataType',
  kinds: ['series', 'frame', 'array', 'number', 'string', 'boolean', 'object', 'other'],
  describe: (type) => Messages.validation.dataTypeDoc(showType(type)),
  sequence: (sequence, type) =>
    sequence.dtype !== undefined && !needsElementCheck(type) ? byDtype(sequence.dtype, type) : byElement(sequence, type),
  scalar: (value, _kind, type) => {
    const passes = valueIs(type, value);
    return { passes, message: Messages.validation.dataTypeValue(passes, showType(type), value), diagnostics: { expected: showType(type) } };
  },
});

export const dataTypeCheck: BuiltInCheck<DataType> = {
  ...byShape,
  validate: (value, kind, type) => {
    if (kind !== 'array' || !isSequenceClass(type)) return byShape.validate(value, kind, type);
    const passes = valueMatchesType(type, value);
    return { passes, message: Messages.validation.dataTypeValue(passes, showType(type), value), diagnostics: { expected: showType(type) } };
  },
};

function isSequenceClass(type: DataType): type is Constructor {
  return typeof type === 'function' && (type === Array || isTypedArrayType(type as Constructor) || arrowClassKind(type) === 'Vector');
}

const NUMERIC_DTYPES = new Set<string>(['float32', 'int32']);
const DTYPE_OF = new Map<Function, string>([
  [String, 'string'],
  [Boolean, 'boolean'],
]);

/** Types a dtype says nothing about (dates, classes): those are checked value by value. */
function needsElementCheck(type: DataType): boolean {
  return typeof type === 'function' && type !== Number && !DTYPE_OF.has(type);
}

function byDtype(dtype: string, type: DataType): ValidationResult {
  const passes = typeof type === 'string' ? dtype === type : type === Number ? NUMERIC_DTYPES.has(dtype) : DTYPE_OF.get(type) === dtype;
  return { passes, message: Messages.validation.dataTypeDtype(passes, showType(type), dtype), diagnostics: { expected: showType(type), dtype } };
}

function byElement(sequence: Sequence, type: DataType): ValidationResult {
  const offenders: { label: unknown; value: unknown }[] = [];
  let count = 0;
  sequence.values.forEach((value, i) => {
    if (isMissing(value) || valueIs(type, value)) return;
    count++;
    if (offenders.length < MAX_LISTED) offenders.push({ label: sequence.labels[i], value });
  });
  return {
    passes: count === 0,
    message: Messages.validation.dataTypeElements(count, sequence.values.length, showType(type), offenders),
    diagnostics: { expected: showType(type), wrongType: count, offenders },
  };
}

function valueIs(type: DataType, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  switch (type) {
    case 'float32':
      return typeof value === 'number';
    case 'int32':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return valueMatchesType(type as Constructor, value);
  }
}

/** `number`, `Date`, `int32`. */
export function showType(type: DataType): string {
  return typeof type === 'string' ? type : describeType(type as Constructor);
}

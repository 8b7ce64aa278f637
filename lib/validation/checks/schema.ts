import type { ValidationError } from 'class-validator';
import { Messages } from '../../constants/messages.js';
import type { Constructor } from '../../metadata/registry.js';
import { classValidator } from '../class-validator.js';
import { MAX_LISTED, rowsOf } from '../sequences.js';
import type { ValidationResult } from '../types.js';
import { defineCheck } from './check.js';

/** One property of one row (or of the object) that broke a rule of the schema. */
export interface SchemaFailure {
  /** The row's index label (DataFrame) or position (array); absent for a single object. */
  readonly row?: unknown;
  /** Property path (`address.city` for nested objects). */
  readonly property: string;
  readonly value: unknown;
  /** class-validator's constraint name -> message (`{ min: 'age must not be less than 0' }`). */
  readonly constraints: Readonly<Record<string, string>>;
}

/**
 * `schema`: a class with class-validator decorators (`@IsInt()`, `@Min(0)`, `@IsIn([...])`...) that an object,
 * each row of a DataFrame, or each element of an array must satisfy. Failures name rows and properties.
 */
export const schemaCheck = defineCheck<Constructor>({
  name: 'schema',
  kinds: ['frame', 'array', 'object'],
  describe: (schema) => Messages.validation.schemaDoc(schema.name),
  frame: (frame, schema) => rowsResult(rowsOf(frame), schema),
  sequence: (sequence, schema) =>
    rowsResult(
      sequence.values.map((row, i) => ({ label: sequence.labels[i], row })),
      schema,
    ),
  scalar: (value, _kind, schema) => {
    const failures = validate(value, schema);
    return {
      passes: failures.length === 0,
      message: Messages.validation.schemaObject(schema.name, failures),
      diagnostics: { schema: schema.name, failures },
    };
  },
});

function rowsResult(rows: readonly { label: unknown; row: unknown }[], schema: Constructor): ValidationResult {
  const failures: SchemaFailure[] = [];
  const failedRows: unknown[] = [];
  for (const { label, row } of rows) {
    const found = validate(row, schema);
    if (found.length === 0) continue;
    failedRows.push(label);
    // Every property of the first rows, so one glance shows what is wrong; counts cover the rest.
    if (failedRows.length <= MAX_LISTED) failures.push(...found.map((f) => ({ row: label, ...f })));
  }
  return {
    passes: failedRows.length === 0,
    message: Messages.validation.schemaRows(schema.name, failedRows.length, rows.length, failures),
    diagnostics: {
      schema: schema.name,
      rows: rows.length,
      failedRows: failedRows.length,
      failedRowLabels: failedRows.slice(0, MAX_LISTED),
      failures,
    },
  };
}

function validate(value: unknown, schema: Constructor): SchemaFailure[] {
  if (typeof value !== 'object' || value === null) {
    return [{ property: '', value, constraints: { isObject: Messages.validation.schemaNotObject(schema.name) } }];
  }
  // An instance of the schema is validated as it is; any other object is copied onto a fresh instance so
  // class-validator finds the schema's rules (no class-transformer needed for flat rows).
  const target = value instanceof schema ? value : Object.assign(Object.create(schema.prototype as object) as object, value);
  return flatten(classValidator().validateSync(target));
}

function flatten(errors: readonly ValidationError[], prefix = ''): Omit<SchemaFailure, 'row'>[] {
  return errors.flatMap((error) => {
    const property = prefix + error.property;
    const own = error.constraints ? [{ property, value: error.value as unknown, constraints: { ...error.constraints } }] : [];
    return [...own, ...flatten(error.children ?? [], `${property}.`)];
  });
}

import { allowNansCheck } from './allow-nans.js';
import { allowNoneCheck } from './allow-none.js';
import type { BuiltInCheck } from './check.js';
import { containsCheck, doesNotContainCheck } from './contains.js';
import { dataTypeCheck } from './data-type.js';
import { maxFractionNansCheck } from './max-fraction-nans.js';
import { maxStandardDevCheck } from './max-standard-dev.js';
import { meanInRangeCheck } from './mean-in-range.js';
import { rangeCheck } from './range.js';
import { schemaCheck } from './schema.js';
import { valuesInCheck } from './values-in.js';

/** The built-in checks by option name, in the order their validator nodes are made. */
export const BUILT_IN_CHECKS: ReadonlyMap<string, BuiltInCheck<never>> = new Map<string, BuiltInCheck<never>>(
  [
    dataTypeCheck,
    rangeCheck,
    valuesInCheck,
    allowNansCheck,
    maxFractionNansCheck,
    maxStandardDevCheck,
    meanInRangeCheck,
    schemaCheck,
    allowNoneCheck,
    containsCheck,
    doesNotContainCheck,
  ].map((check) => [check.name, check as BuiltInCheck<never>]),
);

export type { BuiltInCheck } from './check.js';

import { Messages } from '../../constants/messages.js';
import { isMissing, MAX_LISTED } from '../sequences.js';
import { defineCheck } from './check.js';

/**
 * `valuesIn`: every value is one of the allowed values (compared as `Array.prototype.includes` does, so NaN
 * matches NaN). Missing values in a Series or array are left to the NaN checks.
 */
export const valuesInCheck = defineCheck<readonly unknown[]>({
  name: 'valuesIn',
  kinds: ['series', 'frame', 'array', 'number', 'string', 'boolean', 'other'],
  describe: (allowed) => Messages.validation.valuesInDoc(allowed),
  sequence: (sequence, allowed) => {
    const offenders: { label: unknown; value: unknown }[] = [];
    let outside = 0;
    sequence.values.forEach((value, i) => {
      if (isMissing(value) || allowed.includes(value)) return;
      outside++;
      if (offenders.length < MAX_LISTED) offenders.push({ label: sequence.labels[i], value });
    });
    return {
      passes: outside === 0,
      message: Messages.validation.valuesInValues(outside, sequence.values.length, allowed, offenders),
      diagnostics: { allowed, notAllowed: outside, offenders },
    };
  },
  scalar: (value, _kind, allowed) => {
    const passes = allowed.includes(value);
    return { passes, message: Messages.validation.valuesInValue(passes, value, allowed), diagnostics: { allowed, value } };
  },
});

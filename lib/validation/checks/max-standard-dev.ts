import { Messages } from '../../constants/messages.js';
import { presentNumbers, sampleStandardDeviation } from '../sequences.js';
import type { ValidationResult } from '../types.js';
import { defineCheck } from './check.js';

/**
 * `maxStandardDev`: the sample standard deviation (pandas' `std()`, missing values skipped) is at most this.
 * Fewer than two numbers have no standard deviation, which fails, as in Hamilton.
 */
export const maxStandardDevCheck = defineCheck<number>({
  name: 'maxStandardDev',
  kinds: ['series', 'frame', 'array'],
  describe: (max) => Messages.validation.maxStandardDevDoc(max),
  sequence: (sequence, max): ValidationResult => {
    const numbers = presentNumbers(sequence.values);
    if (!numbers) return { passes: false, message: Messages.validation.notNumeric('maxStandardDev'), diagnostics: { maxStandardDev: max } };
    const std = sampleStandardDeviation(numbers);
    const passes = std <= max;
    return {
      passes,
      message: Messages.validation.standardDev(passes, std, max, numbers.length),
      diagnostics: { standardDev: std, maxStandardDev: max },
    };
  },
});

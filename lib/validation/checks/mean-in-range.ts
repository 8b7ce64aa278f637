import { Messages } from '../../constants/messages.js';
import { mean, presentNumbers } from '../sequences.js';
import type { ValidationResult } from '../types.js';
import { defineCheck } from './check.js';
import type { Interval } from './range.js';

/** `meanInRange`: the mean (missing values skipped) lies in `[low, high]`, bounds included; no numbers fail. */
export const meanInRangeCheck = defineCheck<Interval>({
  name: 'meanInRange',
  kinds: ['series', 'frame', 'array'],
  describe: ([low, high]) => Messages.validation.meanInRangeDoc(low, high),
  sequence: (sequence, range): ValidationResult => {
    const numbers = presentNumbers(sequence.values);
    if (!numbers) return { passes: false, message: Messages.validation.notNumeric('meanInRange'), diagnostics: { range } };
    const m = mean(numbers);
    const passes = m >= range[0] && m <= range[1];
    return { passes, message: Messages.validation.meanInRange(passes, m, range), diagnostics: { mean: m, range } };
  },
});

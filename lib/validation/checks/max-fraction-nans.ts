import { Messages } from '../../constants/messages.js';
import { isMissing } from '../sequences.js';
import { defineCheck } from './check.js';

/** `maxFractionNans`: at most this fraction (0 to 1) of the values are missing (null, undefined, NaN). */
export const maxFractionNansCheck = defineCheck<number>({
  name: 'maxFractionNans',
  kinds: ['series', 'frame', 'array'],
  describe: (max) => Messages.validation.maxFractionNansDoc(max),
  sequence: (sequence, max) => {
    const total = sequence.values.length;
    const missing = sequence.values.filter(isMissing).length;
    const fraction = total === 0 ? 0 : missing / total;
    return {
      passes: fraction <= max,
      message: Messages.validation.fractionNans(fraction <= max, missing, total, fraction, max),
      diagnostics: { missing, total, fraction, maxFraction: max },
    };
  },
});

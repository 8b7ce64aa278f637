import { Messages } from '../../constants/messages.js';
import { isMissing, MAX_LISTED } from '../sequences.js';
import { defineCheck } from './check.js';

/**
 * `allowNans: false`: no missing value (null, undefined, NaN). Only `false` is accepted, as in Hamilton:
 * allowing NaNs checks nothing.
 */
export const allowNansCheck = defineCheck<false>({
  name: 'allowNans',
  kinds: ['series', 'frame', 'array', 'number'],
  describe: () => Messages.validation.allowNansDoc,
  sequence: (sequence) => {
    const at: unknown[] = [];
    let missing = 0;
    sequence.values.forEach((value, i) => {
      if (!isMissing(value)) return;
      missing++;
      if (at.length < MAX_LISTED) at.push(sequence.labels[i]);
    });
    return {
      passes: missing === 0,
      message: Messages.validation.nansFound(missing, sequence.values.length, at),
      diagnostics: { missing, total: sequence.values.length, at },
    };
  },
  scalar: (value) => {
    const passes = !isMissing(value);
    return { passes, message: Messages.validation.nanValue(passes), diagnostics: { value } };
  },
});

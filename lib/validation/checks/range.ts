import { Messages } from '../../constants/messages.js';
import { isMissing, MAX_LISTED } from '../sequences.js';
import { defineCheck } from './check.js';

/** An inclusive `[low, high]` interval. */
export type Interval = readonly [low: number, high: number];

/**
 * `range`: every value lies in `[low, high]`, bounds included. Missing values (null, NaN) are left to
 * `allowNans` and `maxFractionNans`; a present value that is not a number is out of range.
 */
export const rangeCheck = defineCheck<Interval>({
  name: 'range',
  kinds: ['series', 'frame', 'array', 'number'],
  describe: ([low, high]) => Messages.validation.rangeDoc(low, high),
  sequence: (sequence, range) => {
    const offenders: { label: unknown; value: unknown }[] = [];
    let outside = 0;
    let present = 0;
    sequence.values.forEach((value, i) => {
      if (isMissing(value)) return;
      present++;
      if (inRange(value, range)) return;
      outside++;
      if (offenders.length < MAX_LISTED) offenders.push({ label: sequence.labels[i], value });
    });
    return {
      passes: outside === 0,
      message: Messages.validation.rangeValues(outside, present, range, offenders),
      diagnostics: { range, checked: present, outOfRange: outside, offenders },
    };
  },
  scalar: (value, _kind, range) => {
    const passes = inRange(value, range);
    return { passes, message: Messages.validation.rangeValue(passes, value, range), diagnostics: { range, value } };
  },
});

function inRange(value: unknown, [low, high]: Interval): boolean {
  return typeof value === 'number' && value >= low && value <= high;
}

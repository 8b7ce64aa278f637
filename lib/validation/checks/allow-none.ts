import { Messages } from '../../constants/messages.js';
import type { BuiltInCheck } from './check.js';

/**
 * `allowNone`: with `false`, the value itself must not be null or undefined (Python's `None`); with `true`
 * it checks nothing, as in Hamilton. It applies to values of every kind.
 */
export const allowNoneCheck: BuiltInCheck<boolean> = {
  name: 'allowNone',
  kinds: ['series', 'frame', 'array', 'number', 'string', 'boolean', 'object', 'other', 'missing'],
  describe: (allow) => (allow ? Messages.validation.allowNoneNoOp : Messages.validation.allowNoneDoc),
  validate: (value, kind, allow) => {
    const passes = allow || kind !== 'missing';
    return {
      passes,
      message: Messages.validation.noneValue(passes, value),
      diagnostics: passes ? {} : { value: value === null ? 'null' : 'undefined' },
    };
  },
};

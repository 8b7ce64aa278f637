import { Messages } from '../../constants/messages.js';
import type { BuiltInCheck } from './check.js';
import { notApplicable } from './check.js';

/** How much of a failing string the diagnostics keep (Hamilton keeps 100 characters). */
const SHOWN = 100;

/** `contains`: a string holds every given substring (Hamilton's `contains`). */
export const containsCheck: BuiltInCheck<readonly string[]> = substringCheck('contains', true);

/** `doesNotContain`: a string holds none of the given substrings (Hamilton's `does_not_contain`). */
export const doesNotContainCheck: BuiltInCheck<readonly string[]> = substringCheck('doesNotContain', false);

function substringCheck(name: 'contains' | 'doesNotContain', wanted: boolean): BuiltInCheck<readonly string[]> {
  return {
    name,
    kinds: ['string'],
    describe: (parts) => Messages.validation.substringDoc(wanted, parts),
    validate: (value, kind, parts) => {
      if (kind !== 'string') return notApplicable(name, kind, ['string']);
      const text = value as string;
      const offending = parts.filter((part) => text.includes(part) !== wanted);
      const passes = offending.length === 0;
      return {
        passes,
        message: Messages.validation.substrings(wanted, passes, offending),
        diagnostics: passes ? {} : { [name]: parts, offending, data: text.slice(0, SHOWN) },
      };
    },
  };
}

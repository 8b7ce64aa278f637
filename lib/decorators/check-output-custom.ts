import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { DataValidator } from '../validation/types.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** What `@checkOutputCustom` records. */
export interface CheckOutputCustomArgs {
  readonly validators: readonly DataValidator[];
}

/** A validator's name becomes part of a node name that downstream methods may read as a parameter. */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u;

/**
 * Validates the method's output with your own validators, with the node shape and warn/fail semantics of
 * `@checkOutput`: one `N_<name>_validator` node per validator (repeated names get `_1`, `_2`). A validator's
 * `appliesTo` is asked about the declared return type when the graph is built, or about the value at run
 * time when that type is unknown.
 *
 * @example
 * @checkOutputCustom(noDuplicateIds, { name: 'notEmpty', importance: 'fail', validate: (df: DataFrame) => ... })
 * surveyResults(): DataFrame { ... }
 */
export function checkOutputCustom(...validators: DataValidator[]): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('checkOutputCustom', problem));
  if (validators.length === 0) throw fail(Messages.validation.noValidators);
  validators.forEach((validator, i) => {
    const bad = (problem: string) => fail(Messages.validation.badValidator(i, problem));
    if (typeof validator !== 'object' || validator === null) throw bad(Messages.validation.validatorMember('a validator', 'an object'));
    if (typeof validator.name !== 'string' || !IDENTIFIER.test(validator.name)) throw bad(Messages.validation.validatorName(validator.name));
    if (validator.importance !== 'warn' && validator.importance !== 'fail') throw bad(Messages.validation.badImportance(validator.importance));
    if (typeof validator.validate !== 'function')
      throw bad(Messages.validation.validatorMember('validate', 'a function (value) => ValidationResult'));
    if (validator.appliesTo !== undefined && typeof validator.appliesTo !== 'function') {
      throw bad(Messages.validation.validatorMember('appliesTo', 'a function (type) => boolean'));
    }
    if (validator.description !== undefined && typeof validator.description !== 'string')
      throw bad(Messages.validation.validatorMember('description', 'a string'));
  });
  return recordingDecorator<CheckOutputCustomArgs>(DecoratorKind.checkOutputCustom, { validators: Object.freeze([...validators]) });
}

import { Messages } from '../constants/messages.js';
import { DataValidationError, HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import { validationLogger } from './logger.js';
import type { OutputCheck } from './output-check.js';
import type { CheckResult, ValidationResult } from './types.js';

/**
 * Runs one check on a node's raw value: the validator node's callable. The result names its node and check,
 * so it stands on its own when requested as an output or recorded.
 */
export function runCheck(check: OutputCheck, value: unknown, node: string, validatorNode: string): CheckResult | Promise<CheckResult> {
  const finish = (result: ValidationResult): CheckResult => {
    if (typeof result !== 'object' || result === null || typeof result.passes !== 'boolean') {
      throw new HamiltonError(Messages.validation.badValidatorResult(node, check.name, describeValue(result)));
    }
    return {
      node,
      check: check.name,
      validatorNode,
      importance: check.importance,
      passes: result.passes,
      message: String(result.message ?? ''),
      diagnostics: result.diagnostics ?? {},
    };
  };
  const result = check.run(value);
  return result instanceof Promise ? result.then(finish) : finish(result);
}

/**
 * What the final node does with its checks' results: a failed `fail` check throws `DataValidationError`
 * listing every failed check of the node; otherwise failed `warn` checks are logged once, together.
 */
export function concludeChecks(results: readonly CheckResult[]): void {
  let failed: CheckResult[] | undefined;
  let stop = false;
  for (const result of results) {
    if (result.passes) continue;
    (failed ??= []).push(result);
    if (result.importance === 'fail') stop = true;
  }
  if (!failed) return;
  if (stop) throw new DataValidationError(failed);
  validationLogger().warn(Messages.validation.warned(failed));
}

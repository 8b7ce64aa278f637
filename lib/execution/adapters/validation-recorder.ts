import { DQ_RESULTS_TAG } from '../../constants/metadata-keys.js';
import type { LifecycleAdapter, NodeResultEvent } from '../adapters.js';
import type { CheckResult } from '../../validation/types.js';

/**
 * A lifecycle adapter that keeps the result of every check that ran (`@checkOutput`, `@checkOutputCustom`),
 * passed or not, so they can be read after a run, including a run that a `fail` check stopped. It holds the
 * latest run's results (a new run starts afresh); give each concurrent run its own driver and recorder.
 *
 * @example
 * const recorder = new ValidationRecorder();
 * const dr = new Builder().withModules(Heights).withAdapters(recorder).build();
 * dr.execute(['heightZeroMeanUnitVariance'], { inputs });
 * recorder.failures; // [{ node: 'heightZeroMeanUnitVariance', check: 'range', passes: false, message, ... }]
 */
export class ValidationRecorder implements LifecycleAdapter {
  private recorded: CheckResult[] = [];

  beforeGraphExecute(): void {
    this.recorded = [];
  }

  afterNodeExecute(event: NodeResultEvent): void {
    // Validator nodes carry Hamilton's data-quality tag; their value is the check's result.
    if (event.success && event.tags[DQ_RESULTS_TAG] === 'true' && isCheckResult(event.result)) this.recorded.push(event.result);
  }

  /** Every check result of the latest run, in the order the checks ran. */
  get results(): readonly CheckResult[] {
    return this.recorded;
  }

  /** The checks of the latest run that did not pass (`warn` and `fail`). */
  get failures(): readonly CheckResult[] {
    return this.recorded.filter((r) => !r.passes);
  }

  /** The results of one checked node. */
  resultsFor(node: string): readonly CheckResult[] {
    return this.recorded.filter((r) => r.node === node);
  }

  /** The results grouped by checked node. */
  byNode(): Record<string, readonly CheckResult[]> {
    const grouped: Record<string, CheckResult[]> = {};
    for (const result of this.recorded) (grouped[result.node] ??= []).push(result);
    return grouped;
  }

  /** Forgets what was recorded. */
  clear(): void {
    this.recorded = [];
  }
}

function isCheckResult(value: unknown): value is CheckResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CheckResult).passes === 'boolean' &&
    typeof (value as CheckResult).check === 'string'
  );
}

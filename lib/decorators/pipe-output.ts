import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkNamespaces, stepLabel, stepsAndOptions } from './pipe-input.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedTargets, type Step, type StepSpec } from './step.js';

/** Options of `@pipeOutput`, given as the last argument. */
export interface PipeOutputOptions {
  /** The steps' namespace: left out, the output node's name; `null`, none; a string, that namespace. */
  readonly namespace?: string | null;
  /** The output nodes every step applies to (all final nodes when left out); or `.onOutput()` per step. */
  readonly onOutput?: string | readonly string[];
}

/** What `@pipeOutput` records. */
export interface PipeOutputArgs {
  readonly steps: readonly StepSpec[];
  readonly namespace?: string | null;
  readonly onOutput?: readonly string[];
}

/**
 * Transforms the method's output (Hamilton's `pipe_output`): the method's node becomes `<name>.raw`, each step
 * a node receiving the previous value as its first argument, and `<name>` the value of the last step. Steps
 * whose config conditions fail are skipped; with none left, the node is unchanged.
 *
 * @example
 * @pipeOutput(step(clip, { low: 0 }), step(scale, source('factor')).named('scaled'))
 * spend(raw: number[]): number[] { return raw; }
 */
export function pipeOutput(...args: [...steps: Step[], options: PipeOutputOptions] | Step[]): MethodDecorator {
  const { steps, options } = stepsAndOptions<PipeOutputOptions>(
    'pipeOutput',
    args,
    ['namespace', 'onOutput'],
    "{ namespace: null, onOutput: 'total' }",
  );
  const onOutput = options.onOutput === undefined ? undefined : checkedTargets('pipeOutput', options.onOutput);
  if (onOutput !== undefined) {
    const local = steps.find((spec) => spec.onOutput !== undefined);
    if (local) throw new InvalidDecoratorError(Messages.decoratorArgument('pipeOutput', Messages.pipes.singleTargetLevel(stepLabel(local))));
  }
  checkNamespaces('pipeOutput', steps, options.namespace);
  return recordingDecorator<PipeOutputArgs>(DecoratorKind.pipeOutput, { steps, namespace: options.namespace, onOutput });
}

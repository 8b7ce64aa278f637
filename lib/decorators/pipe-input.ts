import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isObjectLiteral, Step, type StepSpec } from './step.js';
import { describe } from './tag-rules.js';

/** Options of `@pipeInput`, given as the last argument. */
export interface PipeInputOptions {
  /** The steps' namespace: left out, the method's name; `null`, none; a string, that namespace. */
  readonly namespace?: string | null;
  /** The parameter the steps transform (the method's first parameter when left out). */
  readonly onInput?: string;
}

/** What `@pipeInput` records. */
export interface PipeInputArgs {
  readonly steps: readonly StepSpec[];
  readonly namespace?: string | null;
  readonly onInput?: string;
}

/**
 * Transforms a parameter before the method sees it (Hamilton's `pipe_input`): each step is a node that
 * receives the previous value as its first argument, starting from the node the parameter names. Step nodes
 * are `<namespace>.with_<fn>` (or `.named(...)`), the namespace being the method's name by default.
 *
 * @example
 * @pipeInput(step(addOne), step(addN, source('n')).named('plusN').when({ mode: 'full' }))
 * result(raw: number): number { return raw * 2; }
 */
export function pipeInput(...args: [...steps: Step[], options: PipeInputOptions] | Step[]): MethodDecorator {
  const { steps, options } = stepsAndOptions<PipeInputOptions>('pipeInput', args, ['namespace', 'onInput'], "{ namespace: null, onInput: 'raw' }");
  if (options.onInput !== undefined && (typeof options.onInput !== 'string' || options.onInput.length === 0)) {
    throw fail('pipeInput', Messages.pipes.badOnInput(describe(options.onInput)));
  }
  for (const spec of steps) {
    if (spec.onOutput !== undefined) throw fail('pipeInput', Messages.pipes.onOutputInPipeInput(stepLabel(spec)));
  }
  checkNamespaces('pipeInput', steps, options.namespace);
  return recordingDecorator<PipeInputArgs>(DecoratorKind.pipeInput, { steps, namespace: options.namespace, onInput: options.onInput });
}

/** Splits `(...steps, options?)`, checking that every step was made by `step()`. */
export function stepsAndOptions<T extends { readonly namespace?: string | null }>(
  decorator: string,
  args: readonly unknown[],
  known: readonly (keyof T & string)[],
  example: string,
): { steps: readonly StepSpec[]; options: Partial<T> } {
  const last = args[args.length - 1];
  const hasOptions = args.length > 0 && !(last instanceof Step) && isObjectLiteral(last);
  const options = checkedOptions<T>(decorator, hasOptions ? last : undefined, known, example);
  const steps = (hasOptions ? args.slice(0, -1) : args).map((candidate, position) => {
    if (!(candidate instanceof Step)) throw fail(decorator, Messages.pipes.notAStep(position, describe(candidate)));
    // A node name is made from the function's name; an anonymous arrow function has none.
    if (candidate.spec.name === undefined && !candidate.spec.fn?.name) throw fail(decorator, Messages.pipes.anonymousStep(position));
    return candidate.spec;
  });
  if (options.namespace !== undefined && options.namespace !== null && (typeof options.namespace !== 'string' || options.namespace.length === 0)) {
    throw fail(decorator, Messages.pipes.badNamespace(describe(options.namespace)));
  }
  return { steps, options };
}

/** Hamilton's rule: a step may name its own namespace only when the pipe leaves the namespace to the default. */
export function checkNamespaces(decorator: string, steps: readonly StepSpec[], namespace: unknown): void {
  if (namespace === undefined) return;
  const custom = steps.find((spec) => typeof spec.namespace === 'string');
  if (custom) throw fail(decorator, Messages.pipes.namespaceConflict(stepLabel(custom)));
}

/** How a step is named in messages: its `.named()` name or its function's name. */
export function stepLabel(spec: StepSpec): string {
  return spec.name ?? (spec.fn?.name || spec.target || '(anonymous function)');
}

function fail(decorator: string, problem: string): InvalidDecoratorError {
  return new InvalidDecoratorError(Messages.decoratorArgument(decorator, problem));
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { getRegistry } from '../metadata/registry.js';
import { recordInMetadata } from '../metadata/standard-records.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedKwargs, isObjectLiteral, MutateTarget, type StepSpec } from './step.js';
import { describe } from './tag-rules.js';

/** What `@mutate` records on each method it alters: the step to append to that method's output. */
export interface MutateArgs {
  readonly step: StepSpec;
  /** The `@mutate` method, for messages and lineage. */
  readonly mutator: string;
  /** When it was declared: steps from several `@mutate` methods apply in declaration order. */
  readonly sequence: number;
}

/** What `@mutate` records on the method it decorates, which is then no node itself. */
export interface MutatorArgs {
  readonly targets: readonly string[];
}

let declared = 0;

/**
 * The decorated method alters the output of other methods of the same class (Hamilton's `mutate`): it is
 * appended as a `@pipeOutput` step to each target, receiving the target's value as its first argument, and is
 * no node itself. Targets are method names or `applyTo(name, kwargs?)` (with `.named`, `.when`, `.onOutput`);
 * a last plain object holds named bindings shared by all targets (a target's own bindings win). Several
 * mutators of one method apply in the order they are declared.
 *
 * @example
 * @mutate('spend', applyTo('signups', { factor: 10 }), { factor: 2 })
 * _scaled(x: number[], factor: number): number[] { return x.map((v) => v * factor); }
 */
export function mutate(
  ...args: [...targets: (string | MutateTarget)[], kwargs: Readonly<Record<string, unknown>>] | (string | MutateTarget)[]
): MethodDecorator {
  const last = args[args.length - 1];
  const hasKwargs = args.length > 0 && !(last instanceof MutateTarget) && isObjectLiteral(last);
  const shared = hasKwargs ? checkedKwargs('mutate', last) : {};
  const targets = (hasKwargs ? args.slice(0, -1) : args).map((target, position): StepSpec => {
    if (typeof target === 'string' && target.length > 0) return { target, positional: [], kwargs: {}, conditions: [] };
    if (target instanceof MutateTarget) return target.spec;
    throw fail(Messages.pipes.badMutateTarget(position, describe(target)));
  });
  if (targets.length === 0) throw fail(Messages.pipes.noMutateTargets);
  const names = targets.map((t) => t.target!);
  const marker = recordingDecorator<MutatorArgs>(DecoratorKind.mutator, { targets: names });
  const decorator = (first: unknown, keyOrContext: unknown, descriptor?: PropertyDescriptor): void => {
    (marker as (...a: unknown[]) => void)(first, keyOrContext, descriptor);
    const sequence = declared++;
    if (isStandardContext(keyOrContext)) {
      recordOnTargetsStandard(first as Function, keyOrContext, targets, shared, sequence);
      return;
    }
    const prototype = first as Record<string, unknown>;
    const mutator = String(keyOrContext);
    const fn = (descriptor?.value as unknown) ?? prototype[mutator];
    for (const target of targets) {
      checkTarget(target.target!, mutator, Object.hasOwn(prototype, target.target!) && typeof prototype[target.target!] === 'function');
      getRegistry().add({
        kind: DecoratorKind.mutate,
        target: prototype.constructor,
        method: target.target!,
        args: mutateArgs(target, fn as Function, shared, mutator, sequence),
      });
    }
  };
  return decorator as MethodDecorator;
}

interface StandardContext {
  readonly name: string | symbol;
  readonly metadata?: object;
  addInitializer?(initializer: (this: unknown) => void): void;
}

function isStandardContext(value: unknown): value is StandardContext {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** Standard decorators never see the class: records wait in its metadata, and targets are checked on the first instance. */
function recordOnTargetsStandard(
  fn: Function,
  context: StandardContext,
  targets: readonly StepSpec[],
  shared: StepSpec['kwargs'],
  sequence: number,
): void {
  const mutator = String(context.name);
  if (typeof context.metadata !== 'object' || context.metadata === null) throw fail(Messages.pipes.mutateNeedsMetadata(mutator));
  for (const target of targets)
    recordInMetadata(context.metadata, {
      kind: DecoratorKind.mutate,
      method: target.target!,
      args: mutateArgs(target, fn, shared, mutator, sequence),
    });
  context.addInitializer?.(function (this: unknown) {
    const instance = this as Record<string, unknown>;
    for (const target of targets) checkTarget(target.target!, mutator, typeof instance[target.target!] === 'function');
  });
}

function mutateArgs(target: StepSpec, fn: Function, shared: StepSpec['kwargs'], mutator: string, sequence: number): MutateArgs {
  // Per-target bindings merge over the shared ones (Hamilton drops the shared ones when a target has any).
  const step: StepSpec = { ...target, fn, kwargs: Object.freeze({ ...shared, ...target.kwargs }) };
  return Object.freeze({ step: Object.freeze(step), mutator, sequence });
}

function checkTarget(target: string, mutator: string, exists: boolean): void {
  if (target === mutator) throw fail(Messages.pipes.mutateSelf(mutator));
  if (!exists) throw fail(Messages.pipes.unknownMutateTarget(mutator, target));
}

function fail(problem: string): InvalidDecoratorError {
  return new InvalidDecoratorError(Messages.decoratorArgument('mutate', problem));
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isParameterRef, type ParameterRef } from './refs.js';

/** Parameter bindings of one parameterized output. */
export type ParameterBindings = Readonly<Record<string, ParameterRef>>;

/** What `@parameterize` (and its shorthands) record: bindings and an optional doc per output. */
export interface ParameterizeArgs {
  readonly decorator: string;
  readonly outputs: Readonly<Record<string, { readonly bindings: ParameterBindings; readonly doc?: string }>>;
}

/** One output of `@parameterize`: its bindings, or `{ bindings, doc }` to document it. */
export type ParameterizedOutput = ParameterBindings | { readonly bindings: ParameterBindings; readonly doc: string };

/**
 * One node per output name, with parameters bound to literals (`value`), other nodes (`source`) or arrays
 * (`group`); unbound parameters stay dependencies; the method itself is not a node. The method's doc is a
 * template: `{outputName}` and `{param}` are replaced per output.
 *
 * @example
 * @parameterize({ spendX2: { factor: value(2) }, signupsX2: { series: source('signups'), factor: value(2) } })
 * scaled(series: Series, factor: number): Series { return series.mul(factor); }
 */
export function parameterize(outputs: Readonly<Record<string, ParameterizedOutput>>): MethodDecorator {
  return recordingDecorator(DecoratorKind.parameterize, checkedParameterizeArgs('parameterize', outputs));
}

/** Validates and normalizes `@parameterize` arguments (shared by its shorthands). */
export function checkedParameterizeArgs(decorator: string, outputs: Readonly<Record<string, ParameterizedOutput>>): ParameterizeArgs {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument(decorator, problem));
  if (outputs === null || typeof outputs !== 'object') throw fail('give an object of output names to parameter bindings.');
  const names = Object.keys(outputs);
  if (names.length === 0) throw fail('name at least one output.');
  const normalized: Record<string, { bindings: ParameterBindings; doc?: string }> = {};
  for (const name of names) {
    const output = outputs[name];
    const documented = output !== null && typeof output === 'object' && 'bindings' in output && typeof output.doc === 'string';
    const bindings = (documented ? output.bindings : output) as ParameterBindings;
    if (bindings === null || typeof bindings !== 'object') throw fail(`output '${name}' needs an object of parameter bindings.`);
    for (const [parameter, ref] of Object.entries(bindings)) {
      if (!isParameterRef(ref)) {
        throw fail(`output '${name}' binds '${parameter}' to ${JSON.stringify(ref)}; wrap it in value(...), source('node') or group(...).`);
      }
    }
    normalized[name] = documented ? { bindings, doc: (output as { doc: string }).doc } : { bindings };
  }
  return { decorator, outputs: normalized };
}

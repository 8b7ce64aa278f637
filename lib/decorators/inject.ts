import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { ParameterBindings } from './parameterize.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isParameterRef, type ParameterRef } from './refs.js';
import { isObjectLiteral } from './step.js';
import { describe } from './tag-rules.js';

/** What `@inject` records: the parameter bindings. */
export interface InjectArgs {
  readonly bindings: ParameterBindings;
}

/**
 * Binds parameters of the method's node to literals, other nodes or groups (Hamilton's `inject`: a
 * `@parameterize` with the one output the method already names). Unbound parameters stay dependencies.
 *
 * @example
 * @inject({ parts: group(source('a'), source('b')), scale: value(10) })
 * total(parts: number[], scale: number): number { return scale * parts.reduce((x, y) => x + y, 0); }
 */
export function inject(bindings: Readonly<Record<string, ParameterRef>>): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('inject', problem));
  if (!isObjectLiteral(bindings)) throw fail(Messages.inject.notBindings(describe(bindings)));
  const entries = Object.entries(bindings);
  if (entries.length === 0) throw fail(Messages.inject.noBindings);
  for (const [parameter, ref] of entries) {
    if (!isParameterRef(ref)) throw fail(Messages.inject.notARef(parameter, describe(ref)));
  }
  return recordingDecorator<InjectArgs>(DecoratorKind.inject, { bindings: Object.freeze({ ...bindings }) });
}

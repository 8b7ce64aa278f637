import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** Options of `@parallelizable`. */
export interface ParallelizableOptions {
  /**
   * Items in flight at once under the AsyncDriver (default: every item of an array or iterable, 16 of an
   * async iterable). Items are pulled as slots free up, so a stream read in mini-batches holds at most this
   * many batches in memory.
   */
  readonly concurrency?: number;
}

/**
 * The method returns an iterable (or async iterable): the nodes downstream of it, up to a `@collect` method,
 * run once per item, concurrently under the AsyncDriver.
 *
 * @example
 * @parallelizable() *urls(site: string): Iterable<string> { yield* listUrls(site); }
 * @parallelizable({ concurrency: 4 }) batches(file: string): AsyncIterable<Row[]> { return readBatches(file); }
 */
export function parallelizable(options: ParallelizableOptions = {}): MethodDecorator {
  const concurrency = (options as ParallelizableOptions | null)?.concurrency;
  if (options === null || typeof options !== 'object' || (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))) {
    throw new InvalidDecoratorError(Messages.decoratorArgument('parallelizable', 'takes { concurrency?: a whole number of at least 1 }.'));
  }
  return recordingDecorator(DecoratorKind.parallelizable, concurrency === undefined ? {} : { concurrency });
}

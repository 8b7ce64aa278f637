import { DecoratorKind } from '../constants/metadata-keys.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * The method returns an iterable (or async iterable): the nodes downstream of it, up to a `@collect` method,
 * run once per item, concurrently under the AsyncDriver.
 *
 * @example
 * @parallelizable() *urls(site: string): Iterable<string> { yield* listUrls(site); }
 */
export function parallelizable(): MethodDecorator {
  return recordingDecorator(DecoratorKind.parallelizable, {});
}

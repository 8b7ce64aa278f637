import { DecoratorKind } from '../constants/metadata-keys.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * The node always runs in the driver's thread, whatever the executor: cheap nodes never pay a round trip to
 * a worker, and nodes that need the driver's process (its open files, its clients) stay there.
 *
 * @example
 * @runLocally() fileNames(folder: string): string[] { return readdirSync(folder); }
 */
export function runLocally(): MethodDecorator {
  return recordingDecorator(DecoratorKind.runLocally, {});
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * Under a `GracefulErrorAdapter`, the node runs even when an input is the adapter's error sentinel (an
 * upstream node failed), and receives the sentinel in that parameter (Hamilton's `@accept_error_sentinels`):
 * for a step that gathers partial results or reports failures. Without it such a node is skipped. The node
 * is tagged `hamilton.error_sentinel`, as in Hamilton.
 *
 * @example
 * @acceptErrorSentinels()
 * report(scoreA: number, scoreB: number): string { return [scoreA, scoreB].map((s) => (s === FAILED ? 'failed' : String(s))).join(); }
 */
export function acceptErrorSentinels(...misuse: unknown[]): MethodDecorator {
  if (misuse.length > 0) throw new InvalidDecoratorError(Messages.decoratorArgument('acceptErrorSentinels', Messages.graceful.decoratorTakesNothing));
  return recordingDecorator<undefined>(DecoratorKind.acceptErrorSentinels, undefined);
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** How often a flaky node is tried, and how long to wait before the next try (doubled after each). */
export interface RetryPolicy {
  /** Tries in all (1: no retry). */
  readonly attempts: number;
  readonly backoffMs: number;
}

/**
 * A flaky node (a network call, a busy database) is tried again when it throws or its promise rejects:
 * `attempts` tries in all, waiting `backoffMs`, then twice that, and so on. Honoured wherever the node runs:
 * in this thread, on worker threads, and by BullMQ's own attempts and backoff on remote workers.
 *
 * @example
 * @retry({ attempts: 3, backoffMs: 200 }) async prices(symbols: string[]): Promise<Prices> { ... }
 */
export function retry(policy: { readonly attempts: number; readonly backoffMs?: number }): MethodDecorator {
  const attempts = (policy as { attempts?: unknown } | null)?.attempts;
  const backoffMs = (policy as { backoffMs?: unknown } | null)?.backoffMs ?? 0;
  if (!Number.isInteger(attempts) || (attempts as number) < 1 || typeof backoffMs !== 'number' || !(backoffMs >= 0) || !Number.isFinite(backoffMs)) {
    throw new InvalidDecoratorError(
      Messages.decoratorArgument('retry', 'takes { attempts: a whole number of at least 1, backoffMs?: milliseconds of at least 0 }.'),
    );
  }
  return recordingDecorator<RetryPolicy>(DecoratorKind.retry, { attempts: attempts as number, backoffMs });
}

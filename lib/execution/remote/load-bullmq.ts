import { isNotInstalled, MissingPackageError } from '../../errors/optional-package.js';
import { RemoteMessages } from './messages.js';

export type BullMQModule = typeof import('bullmq');

let loaded: BullMQModule | undefined;

/** bullmq, loaded on first use (an optional peer dependency: only remote execution needs it). */
export function bullmq(): BullMQModule {
  if (loaded !== undefined) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only when remote execution is used
    loaded = require('bullmq') as BullMQModule;
  } catch (error) {
    if (!isNotInstalled(error, 'bullmq')) throw error;
    throw new MissingPackageError('bullmq', RemoteMessages.bullmqFor, RemoteMessages.bullmqInstall, error);
  }
  return loaded;
}

import { threadId } from 'node:worker_threads';

/** A feature set of the NestJS executor spec; worker threads load it again from this file. */
export class ThreadFeatures {
  whereRun(label: string): { label: string; thread: number } {
    return { label, thread: threadId };
  }
}

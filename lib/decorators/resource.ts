import { DecoratorKind } from '../constants/metadata-keys.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * The node is a resource (a database or HTTP client, a loaded model): made once per place the graph runs (the
 * driver's thread, each worker thread, each worker process) for the same upstream values, reused by later
 * runs there, and never serialised. Nodes on workers that read it get their own, made from its upstream
 * values (which must be plain data, e.g. a URL from config).
 *
 * @example
 * @resource() db(databaseUrl: string): Pool { return new Pool({ connectionString: databaseUrl }); }
 */
export function resource(): MethodDecorator {
  return recordingDecorator(DecoratorKind.resource, {});
}

/**
 * Preloaded with `node --require` by spec/dataframe/without-danfo.spec.ts: makes `danfojs` look not installed,
 * failing its resolution exactly as Node does (code MODULE_NOT_FOUND, "Cannot find module 'danfojs'").
 */
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  if (request === 'danfojs' || request.startsWith('danfojs/')) {
    throw Object.assign(new Error(`Cannot find module '${request}'\nRequire stack:\n- (hidden by hide-danfo)`), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};

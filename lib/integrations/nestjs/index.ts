/**
 * `hamilton-ts/nestjs`: Hamilton drivers as NestJS providers. A subpath of its own, so that importing
 * `hamilton-ts` never loads (or requires) Nest.
 */
import 'reflect-metadata';

export { HamiltonModule } from './hamilton.module.js';
export { InjectDriver } from './inject-driver.js';
export { HamiltonExceptionFilter } from './hamilton-exception.filter.js';
export { httpExceptionOf, type FailedCheckBody } from './http-exception-of.js';
export { HAMILTON_DRIVER, HAMILTON_MODULE_OPTIONS } from './tokens.js';
export type { HamiltonModuleAsyncOptions, HamiltonModuleOptions, HamiltonOptionsFactory, HamiltonRuntimeOptions } from './options.js';

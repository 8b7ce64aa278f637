import { Inject } from '@nestjs/common';
import { HAMILTON_DRIVER } from './tokens.js';

/**
 * Injects the driver `HamiltonModule.forRoot()` built (the one registered under `token`, by default
 * `HAMILTON_DRIVER`).
 *
 * @example
 * constructor(@InjectDriver() private readonly dr: AsyncDriver<Record<string, unknown>>) {}
 */
export function InjectDriver(token: string | symbol = HAMILTON_DRIVER): PropertyDecorator & ParameterDecorator {
  return Inject(token);
}

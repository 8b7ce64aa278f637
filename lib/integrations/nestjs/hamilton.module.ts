import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';
import { buildDriver } from './driver-factory.js';
import type { HamiltonModuleAsyncOptions, HamiltonModuleOptions } from './options.js';
import { HAMILTON_DRIVER, HAMILTON_MODULE_OPTIONS } from './tokens.js';

/**
 * Hamilton in a NestJS app: `forRoot()` registers the feature-set classes as providers (so they get their
 * clients through Nest's DI), builds a driver from the instances Nest created, and provides it under
 * `HAMILTON_DRIVER` (or the option's `token`). The graph is checked while the app starts: a graph error
 * fails `NestFactory.create`, not the first request.
 *
 * @example
 * @Module({
 *   imports: [HamiltonModule.forRoot({ modules: [Loaders, Features], config: { mode: 'realtime' }, imports: [DbModule] })],
 *   controllers: [PredictController],
 * })
 * class AppModule {}
 *
 * class PredictController {
 *   constructor(@InjectDriver() private readonly dr: AsyncDriver<Record<string, unknown>>) {}
 * }
 */
@Module({})
export class HamiltonModule {
  /** A module providing one driver built from `options` (see `HamiltonModuleOptions`). */
  static forRoot<TResult = Record<string, unknown>>(options: HamiltonModuleOptions<TResult>): DynamicModule {
    checkOptions(options);
    return driverModule(options, { provide: HAMILTON_MODULE_OPTIONS, useValue: options });
  }

  /**
   * The same, with the driver's config (and result builder, adapters, ...) computed when the app starts by
   * `useFactory` from the `inject`ed providers.
   *
   * @example
   * HamiltonModule.forRootAsync({
   *   modules: [Loaders, Features],
   *   imports: [ConfigModule],
   *   inject: [ConfigService],
   *   useFactory: (config: ConfigService) => ({ config: { mode: config.get('MODE') } }),
   * })
   */
  static forRootAsync<TResult = Record<string, unknown>>(options: HamiltonModuleAsyncOptions<TResult>): DynamicModule {
    checkOptions(options);
    if (typeof options.useFactory !== 'function') throw new HamiltonError(Messages.nestModuleOptions('give `useFactory`, a function returning the driver options'));
    const { useFactory, inject, ...fixed } = options;
    return driverModule(options, {
      provide: HAMILTON_MODULE_OPTIONS,
      useFactory: async (...args: never[]) => ({ ...(await useFactory(...args)), ...fixed }),
      inject: inject ?? [],
    });
  }
}

/** The dynamic module both `forRoot` forms return: feature sets as providers, the options, and the driver. */
function driverModule<TResult>(options: HamiltonModuleAsyncOptions<TResult> | HamiltonModuleOptions<TResult>, optionsProvider: Provider): DynamicModule {
  const token = options.token ?? HAMILTON_DRIVER;
  const extra = options.providers ?? [];
  const classes = options.modules.filter((m): m is Type<object> => typeof m === 'function');
  // A feature set the caller already declared in `providers` (e.g. with useFactory) is not declared twice.
  const declared = new Set(extra.map((p) => (typeof p === 'function' ? p : p.provide)));
  const featureProviders = [...new Set(classes)].filter((cls) => !declared.has(cls));
  const driverProvider: Provider = {
    provide: token,
    useFactory: (resolvedOptions: HamiltonModuleOptions<TResult>, ...instances: object[]) => buildDriver(resolvedOptions, instances),
    inject: [HAMILTON_MODULE_OPTIONS, ...classes],
  };
  return {
    module: HamiltonModule,
    global: options.global ?? false,
    imports: options.imports ?? [],
    providers: [optionsProvider, ...extra, ...featureProviders, driverProvider],
    exports: [token, HAMILTON_MODULE_OPTIONS],
  };
}

function checkOptions(options: Pick<HamiltonModuleOptions<unknown>, 'modules'>): void {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.modules)) {
    throw new HamiltonError(Messages.nestModuleOptions('give an options object with a `modules` array'));
  }
  if (options.modules.length === 0) throw new HamiltonError(Messages.nestModuleOptions('`modules` is empty; list the feature sets'));
  const bad = options.modules.find((m) => m === null || (typeof m !== 'function' && typeof m !== 'object'));
  if (bad !== undefined) throw new HamiltonError(Messages.nestModuleOptions(`${String(bad)} in \`modules\` is neither a class nor an instance`));
}

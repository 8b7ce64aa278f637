import { Inject, Logger, Module, Optional, type DynamicModule, type OnApplicationShutdown, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';
import { describeValue } from '../../metadata/value-types.js';
import { closeExecutor } from './close-executor.js';
import { buildDriver } from './driver-factory.js';
import { HamiltonExceptionFilter } from './hamilton-exception.filter.js';
import type { HamiltonModuleAsyncOptions, HamiltonModuleOptions, HamiltonOptionsFactory, HamiltonRuntimeOptions } from './options.js';
import { HAMILTON_DRIVER, HAMILTON_MODULE_OPTIONS } from './tokens.js';

/**
 * Hamilton in a NestJS app: `forRoot()` registers the feature-set classes as providers (so they get their
 * clients through Nest's DI), builds a driver from the instances Nest created, and provides it under
 * `HAMILTON_DRIVER` (or the option's `token`). The graph is checked while the app starts: a graph error
 * fails `NestFactory.create`, not the first request. The executor of the options, if any, is closed when the
 * app shuts down (`app.close()`, or a signal with `enableShutdownHooks()`).
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
export class HamiltonModule implements OnApplicationShutdown {
  private readonly logger = new Logger('HamiltonModule');

  // Optional: `HamiltonModule` imported as it is (without forRoot) has no options, and nothing to close.
  constructor(@Optional() @Inject(HAMILTON_MODULE_OPTIONS) private readonly options?: HamiltonModuleOptions<unknown>) {}

  /** Releases the executor (worker threads, queue connections); a failure is logged, not thrown, so the other hooks still run. */
  async onApplicationShutdown(): Promise<void> {
    await closeExecutor(this.options?.executor).catch((error: unknown) =>
      this.logger.error(Messages.nestExecutorClose(String(error)), (error as Error)?.stack),
    );
  }

  /** A module providing one driver built from `options` (see `HamiltonModuleOptions`). */
  static forRoot<TResult = Record<string, unknown>>(options: HamiltonModuleOptions<TResult>): DynamicModule {
    checkOptions(options);
    return driverModule(options, { provide: HAMILTON_MODULE_OPTIONS, useValue: options });
  }

  /**
   * The same, with the driver's config (and result builder, adapters, executor, ...) computed when the app
   * starts: by `useFactory` from the `inject`ed providers, or by the `createHamiltonOptions()` of a
   * `HamiltonOptionsFactory` class (`useClass`: the module provides it; `useExisting`: an imported one).
   *
   * @example
   * HamiltonModule.forRootAsync({
   *   modules: [Loaders, Features],
   *   imports: [ConfigModule],
   *   inject: [ConfigService],
   *   useFactory: (config: ConfigService) => ({ config: { mode: config.get('MODE') } }),
   * })
   * HamiltonModule.forRootAsync({ modules: [Loaders, Features], imports: [ConfigModule], useClass: HamiltonConfig })
   */
  static forRootAsync<TResult = Record<string, unknown>>(options: HamiltonModuleAsyncOptions<TResult>): DynamicModule {
    checkOptions(options);
    return driverModule(options, ...asyncOptionsProviders(options));
  }
}

/** The providers computing the options of `forRootAsync`: the factory's answer, then the static options on top. */
function asyncOptionsProviders<TResult>(options: HamiltonModuleAsyncOptions<TResult>): Provider[] {
  const { useFactory, useClass, useExisting, inject, ...fixed } = options;
  const given = [useFactory, useClass, useExisting].filter((f) => f !== undefined);
  if (given.length !== 1)
    throw new HamiltonError(Messages.nestAsyncOptions(given.length === 0 ? 'no options source given' : 'more than one options source given'));
  if (typeof given[0] !== 'function') throw new HamiltonError(Messages.nestAsyncOptions(`${describe(given[0])} is not a function or class`));
  const resolve = async (computed: HamiltonRuntimeOptions<TResult> | undefined): Promise<HamiltonModuleOptions<TResult>> => ({
    ...computed,
    ...fixed,
  });
  if (useFactory)
    return [{ provide: HAMILTON_MODULE_OPTIONS, useFactory: async (...args: never[]) => resolve(await useFactory(...args)), inject: inject ?? [] }];
  const factoryClass = (useClass ?? useExisting) as Type<HamiltonOptionsFactory<TResult>>;
  const fromFactory = async (factory: HamiltonOptionsFactory<TResult>) => {
    if (typeof factory?.createHamiltonOptions !== 'function') {
      throw new HamiltonError(Messages.nestAsyncOptions(`${factoryClass.name} has no createHamiltonOptions() method`));
    }
    return resolve(await factory.createHamiltonOptions());
  };
  const optionsProvider: Provider = { provide: HAMILTON_MODULE_OPTIONS, useFactory: fromFactory, inject: [factoryClass] };
  return useClass ? [{ provide: useClass, useClass }, optionsProvider] : [optionsProvider];
}

/** The dynamic module both `forRoot` forms return: feature sets as providers, the options, and the driver. */
function driverModule<TResult>(
  options: HamiltonModuleAsyncOptions<TResult> | HamiltonModuleOptions<TResult>,
  ...optionsProviders: Provider[]
): DynamicModule {
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
  const filterProviders: Provider[] = options.exceptionFilter ? [{ provide: APP_FILTER, useClass: HamiltonExceptionFilter }] : [];
  return {
    module: HamiltonModule,
    global: options.isGlobal ?? options.global ?? false,
    imports: options.imports ?? [],
    providers: [...optionsProviders, ...extra, ...featureProviders, driverProvider, ...filterProviders],
    exports: [token, HAMILTON_MODULE_OPTIONS],
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function checkOptions(options: Pick<HamiltonModuleOptions<unknown>, 'modules'>): void {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.modules)) {
    throw new HamiltonError(Messages.nestModuleOptions('give an options object with a `modules` array'));
  }
  if (options.modules.length === 0) throw new HamiltonError(Messages.nestModuleOptions('`modules` is empty; list the feature sets'));
  const bad: unknown = options.modules.find((m) => m === null || (typeof m !== 'function' && typeof m !== 'object'));
  if (bad !== undefined)
    throw new HamiltonError(Messages.nestModuleOptions(`${describeValue(bad)} in \`modules\` is neither a class nor an instance`));
}

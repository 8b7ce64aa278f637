import type { FactoryProvider, ModuleMetadata, Provider, Type } from '@nestjs/common';
import type { Config, Executor, FeatureSet, LifecycleAdapter, ResultBuilder } from '../../index.js';

/** Options of `HamiltonModule.forRoot()`. */
export interface HamiltonModuleOptions<TResult = Record<string, unknown>> {
  /**
   * The feature sets. Classes become Nest providers of the module, so their constructor dependencies (database
   * clients, model stores, ...) come from Nest's DI; instances are used as they are. Order matters as in
   * `Builder.withModules` (with `allowModuleOverrides`, a later one wins).
   */
  readonly modules: readonly FeatureSet[];
  /** The driver's config (e.g. `{ mode: 'realtime' }`): selects `@configWhen` variants, and feeds nodes as inputs. */
  readonly config?: Config;
  /** What `execute` returns; default `DictResult` (a plain object), as with the Builder. */
  readonly resultBuilder?: ResultBuilder<TResult>;
  /** `true` (default): an `AsyncDriver` (async nodes, concurrency, abort signals); `false`: a sync `Driver`. */
  readonly async?: boolean;
  /** Lifecycle adapters given to the Builder (hooks before/after the graph and each node). */
  readonly adapters?: readonly LifecycleAdapter[];
  /** Let a later feature set's node replace an earlier one of the same name. */
  readonly allowModuleOverrides?: boolean;
  /**
   * Where the nodes run (`Builder.withExecutor`), e.g. a `WorkerPoolExecutor`; default: in this thread. The module
   * closes it (`close()`) on application shutdown, and when the driver fails to build.
   */
  readonly executor?: Executor;
  /** Modules whose exported providers the feature sets' constructors need (e.g. a database module). */
  readonly imports?: ModuleMetadata['imports'];
  /** Extra providers the feature sets' constructors need, declared right here. */
  readonly providers?: readonly Provider[];
  /**
   * Token the driver is provided under (default `HAMILTON_DRIVER`). Give each `forRoot()` its own token to have
   * several drivers in one app (e.g. a batch and a real-time one), and inject with `@InjectDriver(token)`.
   */
  readonly token?: string | symbol;
  /** Register the module globally, so every module of the app can inject the driver without importing it. */
  readonly isGlobal?: boolean;
  /** @deprecated Use `isGlobal` (the name Nest's own modules use); `global` still works. */
  readonly global?: boolean;
  /**
   * Also register `HamiltonExceptionFilter` as a global filter (an `APP_FILTER` provider), so the HamiltonErrors a
   * handler lets through become 400/422/500 answers. Default false: register it yourself, or not at all.
   */
  readonly exceptionFilter?: boolean;
}

/** What the module itself needs when the app is assembled; the rest may come from a factory. */
type StaticOptionKeys = 'modules' | 'imports' | 'providers' | 'token' | 'isGlobal' | 'global' | 'exceptionFilter';

/** The options a `forRootAsync()` factory computes when the app starts (config, result builder, adapters, ...). */
export type HamiltonRuntimeOptions<TResult = Record<string, unknown>> = Omit<HamiltonModuleOptions<TResult>, StaticOptionKeys>;

/**
 * A provider computing the driver options, for `forRootAsync({ useClass })` / `({ useExisting })` (as
 * `JwtOptionsFactory` is for `JwtModule`).
 *
 * @example
 * @Injectable()
 * class HamiltonConfig implements HamiltonOptionsFactory {
 *   constructor(private readonly config: ConfigService) {}
 *   createHamiltonOptions(): HamiltonRuntimeOptions {
 *     return { config: { mode: this.config.get('MODE') } };
 *   }
 * }
 */
export interface HamiltonOptionsFactory<TResult = Record<string, unknown>> {
  createHamiltonOptions(): HamiltonRuntimeOptions<TResult> | Promise<HamiltonRuntimeOptions<TResult>>;
}

/**
 * Options of `HamiltonModule.forRootAsync()`: the feature sets are known when the app is assembled (they become
 * providers); config and the rest are computed when the app starts, by exactly one of:
 * - `useFactory`, called with the `inject`ed providers (a ConfigService, say);
 * - `useClass`, a `HamiltonOptionsFactory` class the module provides (its constructor dependencies come from
 *   `imports`/`providers`);
 * - `useExisting`, a `HamiltonOptionsFactory` provider that an imported module already exports.
 */
export interface HamiltonModuleAsyncOptions<TResult = Record<string, unknown>> extends Pick<HamiltonModuleOptions<TResult>, StaticOptionKeys> {
  /** Providers passed to `useFactory`, in order. */
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory?: (...args: never[]) => HamiltonRuntimeOptions<TResult> | Promise<HamiltonRuntimeOptions<TResult>>;
  readonly useClass?: Type<HamiltonOptionsFactory<TResult>>;
  readonly useExisting?: Type<HamiltonOptionsFactory<TResult>>;
}

import type { FactoryProvider, ModuleMetadata, Provider } from '@nestjs/common';
import type { Config, FeatureSet, LifecycleAdapter, ResultBuilder } from '../../index.js';

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
  readonly global?: boolean;
}

/** What the module itself needs when the app is assembled; the rest may come from a factory. */
type StaticOptionKeys = 'modules' | 'imports' | 'providers' | 'token' | 'global';

/** The options a `forRootAsync()` factory computes when the app starts (config, result builder, adapters, ...). */
export type HamiltonRuntimeOptions<TResult = Record<string, unknown>> = Omit<HamiltonModuleOptions<TResult>, StaticOptionKeys>;

/**
 * Options of `HamiltonModule.forRootAsync()`: the feature sets are known when the app is assembled (they become
 * providers); config and the rest come from `useFactory`, which Nest calls with the `inject`ed providers
 * (a ConfigService, say) when the app starts.
 */
export interface HamiltonModuleAsyncOptions<TResult = Record<string, unknown>> extends Pick<HamiltonModuleOptions<TResult>, StaticOptionKeys> {
  /** Providers passed to `useFactory`, in order. */
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory: (...args: never[]) => HamiltonRuntimeOptions<TResult> | Promise<HamiltonRuntimeOptions<TResult>>;
}

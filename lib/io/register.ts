import type { MethodDecorator } from '../decorators/record.js';
import { loadFrom, saveTo, type LoadFromOptions, type SaveToOptions } from './decorators.js';
import type { LoadingDecorator } from './fits.js';
import { addIoKind, type IoKind } from './kind.js';
import { from, to, type FromOptions, type LoaderMaterializer, type SaverMaterializer, type ToOptions } from './materializers.js';

/**
 * A registered kind's four factories, typed by its arguments and by what it loads: `loadFrom.<name>` and
 * `from.<name>` exist too, but TypeScript cannot know a kind added at run time, so they load `unknown`; these
 * carry the kind's value type, and a parameter or node that cannot take it does not compile.
 */
export interface IoKindFactories<TArgs extends object, TValue> {
  readonly loadFrom: (options: LoadFromOptions<TArgs>) => LoadingDecorator<TValue>;
  readonly saveTo: (options: SaveToOptions<TArgs>) => MethodDecorator;
  readonly from: <const TTarget extends string>(options: FromOptions<TArgs> & { readonly target: TTarget }) => LoaderMaterializer<TTarget, TValue>;
  readonly to: (options: ToOptions<TArgs>) => SaverMaterializer;
}

/**
 * Adds a kind: `loadFrom.<name>`, `saveTo.<name>`, `from.<name>` and `to.<name>` then exist, and the same four
 * are returned typed by the kind (`IoKindFactories`).
 *
 * @example
 * const s3 = registerIoKind<{ key: string }, Row[]>({ name: 's3', location: 'key', load: async ({ key }) => [...] });
 * class Training { @s3.loadFrom({ key: 'spend.csv' }) spend(rows: Row[]) { ... } }
 */
export function registerIoKind<TArgs extends object, TValue = unknown>(
  kind: IoKind<TArgs, TValue>,
  options: { readonly replace?: boolean } = {},
): IoKindFactories<TArgs, TValue> {
  addIoKind(kind, options);
  const { name } = kind;
  return Object.freeze({
    loadFrom: (args: LoadFromOptions<TArgs>) => loadFrom[name](args as LoadFromOptions<Record<string, unknown>>) as LoadingDecorator<TValue>,
    saveTo: (args: SaveToOptions<TArgs>) => saveTo[name](args as SaveToOptions<Record<string, unknown>>),
    from: <const TTarget extends string>(args: FromOptions<TArgs> & { readonly target: TTarget }) =>
      from[name](args as FromOptions<Record<string, unknown>> & { readonly target: TTarget }) as LoaderMaterializer<TTarget, TValue>,
    to: (args: ToOptions<TArgs>) => to[name](args as ToOptions<Record<string, unknown>>),
  });
}

import { DecoratorKind } from '../constants/metadata-keys.js';
import { recordingDecorator, type MethodDecorator } from '../decorators/record.js';
import type { DataLoaderArgs, DataSaverArgs, LoadFromArgs, SaveToArgs } from '../graph/modifiers/data-io-modifiers.js';
import type { BUILT_IN_KINDS } from './kinds/index.js';
import type { DataLoaderDecorator, LoadingDecorator } from './fits.js';
import type { ArgsOf, ValueOf } from './kind.js';
import { kindFactories, loadSpecOf, nameOption, optionsObject, saveSpecOf, type BoundArgs } from './specs.js';

type BuiltIn = typeof BUILT_IN_KINDS;

/**
 * `@dataloader()`: the method loads something and returns `[data, metadata]`; it becomes `<name>.loader` (both)
 * and `<name>` (the data). `source` tags the loader with what it reads when the method's arguments do not say.
 */
export function dataloader(options: { readonly source?: string } = {}): DataLoaderDecorator {
  const args = optionsObject('@dataloader', options, "{ source: 'data/spend.csv' }");
  return recordingDecorator<DataLoaderArgs>(DecoratorKind.dataloader, {
    source: nameOption('@dataloader', args, 'source', false, "'data/spend.csv'"),
  }) as DataLoaderDecorator;
}

/** `@datasaver()`: the method saves something and returns its metadata (an object such as `{ path, rows }`). */
export function datasaver(options: { readonly sink?: string } = {}): MethodDecorator {
  const args = optionsObject('@datasaver', options, "{ sink: 'out/model.json' }");
  return recordingDecorator<DataSaverArgs>(DecoratorKind.datasaver, { sink: nameOption('@datasaver', args, 'sink', false, "'out/model.json'") });
}

/** `@loadFrom.<kind>({ ...kind arguments, inject? })`: options of one kind. */
export type LoadFromOptions<A> = BoundArgs<A> & { readonly inject?: string };
/** `@saveTo.<kind>({ id, ...kind arguments, target? })`: options of one kind. */
export type SaveToOptions<A> = BoundArgs<A> & { readonly id: string; readonly target?: string };

/**
 * `loadFrom.<kind>`: each built-in kind's factory returns a decorator typed by what the kind loads, so a method
 * with no parameter that can take it does not compile; a kind registered at run time loads `unknown`.
 */
export type LoadFromFactories = {
  readonly [K in keyof BuiltIn]: (options: LoadFromOptions<ArgsOf<BuiltIn[K]>>) => LoadingDecorator<ValueOf<BuiltIn[K]>>;
} & {
  readonly [kind: string]: (options: LoadFromOptions<Record<string, unknown>>) => LoadingDecorator<unknown>;
};
export type SaveToFactories = { readonly [K in keyof BuiltIn]: (options: SaveToOptions<ArgsOf<BuiltIn[K]>>) => MethodDecorator } & {
  readonly [kind: string]: (options: SaveToOptions<Record<string, unknown>>) => MethodDecorator;
};

/**
 * `@loadFrom.csv({ path: 'data/spend.csv', inject: 'spend' })`: the parameter `inject` (the only parameter by
 * default) is loaded instead of read from a node of its name. Arguments are literals, `value(...)` or `source('node')`.
 */
export const loadFrom = kindFactories((kind) => (options: unknown) => {
  const use = `@loadFrom.${kind}`;
  const args = optionsObject(use, options, "{ path: 'data/spend.csv', inject: 'spend' }");
  const spec = loadSpecOf(kind, use, args, ['inject']);
  return recordingDecorator<LoadFromArgs>(DecoratorKind.loadFrom, { spec, inject: nameOption(use, args, 'inject', false, "'spend'") });
}) as LoadFromFactories;

/**
 * `@saveTo.parquet({ id: 'saveFeatures', path: 'out/features.parquet' })`: a saver node `id` after the method's
 * node (or after `target`, one of the nodes the method makes). Several `@saveTo` on one method make several savers.
 */
export const saveTo = kindFactories((kind) => (options: unknown) => {
  const use = `@saveTo.${kind}`;
  const args = optionsObject(use, options, "{ id: 'saveFeatures', path: 'out/features.parquet' }");
  const id = nameOption(use, args, 'id', true, "'saveFeatures'")!;
  const spec = saveSpecOf(kind, use, args, ['id', 'target']);
  return recordingDecorator<SaveToArgs>(DecoratorKind.saveTo, { id, spec, target: nameOption(use, args, 'target', false, "'features'") });
}) as SaveToFactories;

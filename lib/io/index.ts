import './kinds/index.js';

export {
  dataloader,
  datasaver,
  loadFrom,
  saveTo,
  type LoadFromFactories,
  type LoadFromOptions,
  type SaveToFactories,
  type SaveToOptions,
} from './decorators.js';
export { ioKindNames, type IoContext, type IoKind, type Loaded } from './kind.js';
export { registerIoKind, type IoKindFactories } from './register.js';
export {
  from,
  to,
  type CheckedMaterializers,
  type FromOptions,
  type LoaderMaterializer,
  type Materializer,
  type SaverMaterializer,
  type ToOptions,
} from './materializers.js';
export type { DataLoaderDecorator, Fits, LoadingDecorator } from './fits.js';
export type { MaterializeOptions, MaterializeResult } from './materialize.js';
export { contentHash, ioMetadata, type ColumnSchema, type IoMetadata } from './metadata.js';
export { IoRecorder } from './recorder.js';
export type { CsvArgs, FileArgs, JsonArgs, PostgresArgs, SqliteArgs } from './kinds/index.js';

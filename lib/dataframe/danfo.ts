import type * as Danfo from 'danfojs';
import { Messages } from '../constants/messages.js';
import type * as OptionalPackage from '../errors/optional-package.js';

/** The danfo module type; the only place hamilton-ts names its dataframe library. */
export type DanfoModule = typeof Danfo;
export type Series = Danfo.Series;
export type DataFrame = Danfo.DataFrame;

let loaded: DanfoModule | undefined;
let absent: OptionalPackage.MissingPackageError | undefined;

/**
 * danfo, loaded on first use: importing it takes over a second, and most graphs never build a frame, so
 * `import 'hamilton-ts'` stays fast. If the app already imported danfojs, this is the same (cached) module.
 * danfojs is an optional peer dependency: without it this throws a `MissingPackageError` saying what to install.
 */
export function danfo(): DanfoModule {
  const module = danfoIfInstalled();
  if (module === undefined) throw absent!;
  return module;
}

/** danfo when it is installed, `undefined` when it is not (then no value can be a danfo frame). */
export function danfoIfInstalled(): DanfoModule | undefined {
  if (loaded !== undefined || absent !== undefined) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only when a frame is built or checked
    loaded = require('danfojs') as DanfoModule;
  } catch (error) {
    // Required here, not imported: errors -> messages -> validation/format -> graph/types -> this module is a
    // cycle at load time, and the error class cannot be defined while errors/index.js is half loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a load-time cycle, see above
    const { isNotInstalled, MissingPackageError } = require('../errors/optional-package.js') as typeof OptionalPackage;
    if (!isNotInstalled(error, 'danfojs')) throw error;
    absent = new MissingPackageError('danfojs', Messages.optionalPackage.danfoFor, Messages.optionalPackage.danfoInstall, error);
  }
  return loaded;
}

interface FrameClasses {
  readonly Series: Function;
  readonly DataFrame: Function;
}
let bases: FrameClasses | undefined;

/**
 * danfo's root Series and DataFrame classes. The exported classes are subclasses, while danfo's own
 * operations (`s.mul(2)`) return the root classes; checks must use these to accept both.
 */
export function frameClasses(): FrameClasses {
  const d = danfo();
  return (bases ??= { Series: Object.getPrototypeOf(d.Series) as Function, DataFrame: Object.getPrototypeOf(d.DataFrame) as Function });
}

/** Whether a value is a danfo Series (of either flavour); never loads danfo for a value that is not an object. */
export function isSeries(value: unknown): value is Series {
  return typeof value === 'object' && value !== null && danfoIfInstalled() !== undefined && value instanceof frameClasses().Series;
}

/** Whether a value is a danfo DataFrame (of either flavour); never loads danfo for a value that is not an object. */
export function isDataFrame(value: unknown): value is DataFrame {
  return typeof value === 'object' && value !== null && danfoIfInstalled() !== undefined && value instanceof frameClasses().DataFrame;
}

/** Maps danfo's exported Series/DataFrame classes to their roots; other types are returned as they are. */
export function canonicalFrameType(type: Function): Function {
  // Only a class named like danfo's can be one; danfo is then already loaded by whoever declared it (or it is
  // the app's own class of that name, and danfo may not be installed at all).
  if (type.name !== 'Series' && type.name !== 'DataFrame') return type;
  const d = danfoIfInstalled();
  if (d === undefined) return type;
  if (type === d.Series) return frameClasses().Series;
  if (type === d.DataFrame) return frameClasses().DataFrame;
  return type;
}

import type * as Danfo from 'danfojs';

/** The danfo module type; the only place hamilton-ts names its dataframe library. */
export type DanfoModule = typeof Danfo;
export type Series = Danfo.Series;
export type DataFrame = Danfo.DataFrame;

let loaded: DanfoModule | undefined;

/**
 * danfo, loaded on first use: importing it takes over a second, and most graphs never build a frame, so
 * `import 'hamilton-ts'` stays fast. If the app already imported danfojs, this is the same (cached) module.
 */
export function danfo(): DanfoModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('danfojs') as DanfoModule);
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
  return (bases ??= { Series: Object.getPrototypeOf(d.Series), DataFrame: Object.getPrototypeOf(d.DataFrame) });
}

/** Whether a value is a danfo Series (of either flavour). */
export function isSeries(value: unknown): value is Series {
  return value instanceof frameClasses().Series;
}

/** Whether a value is a danfo DataFrame (of either flavour). */
export function isDataFrame(value: unknown): value is DataFrame {
  return value instanceof frameClasses().DataFrame;
}

/** Maps danfo's exported Series/DataFrame classes to their roots; other types are returned as they are. */
export function canonicalFrameType(type: Function): Function {
  // Only a class named like danfo's can be one; danfo is then already loaded by whoever declared it.
  if (type.name !== 'Series' && type.name !== 'DataFrame') return type;
  const d = danfo();
  if (type === d.Series) return frameClasses().Series;
  if (type === d.DataFrame) return frameClasses().DataFrame;
  return type;
}

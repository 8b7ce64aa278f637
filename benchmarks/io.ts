/**
 * `--only=io`: loading and saving through loader and saver nodes against the libraries called directly
 * (benchmarks/io-cases.ts). The columnar workload three ways is `--only=dataframe`.
 */
import { runLoadSave } from './io-cases.js';

/** The io section of `npm run bench`. */
export function runIo(quick: boolean): void {
  runLoadSave(quick ? 100_000 : 1_000_000, 3);
}

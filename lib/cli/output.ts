import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Writes text to stdout, or to a file (parent folders created) when one is named. */
export function emit(text: string, file?: string): void {
  if (file === undefined) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text, 'utf8');
}

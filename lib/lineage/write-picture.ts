import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { renderSvg } from './dot/svg.js';

/** Picture file formats, by file extension. */
export const PICTURE_EXTENSIONS = ['.dot', '.gv', '.svg'] as const;

/**
 * Writes DOT text to `file` (parent folders are created): as is for `.dot`/`.gv`, rendered for `.svg`.
 * Resolves to the DOT text. Any other extension is refused before anything is written.
 */
export async function writePicture(file: string, dot: string): Promise<string> {
  checkPictureFile(file);
  const contents = path.extname(file).toLowerCase() === '.svg' ? await renderSvg(dot) : dot;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, contents, 'utf8');
  return dot;
}

/** Checks a file name before any work, so a wrong extension fails as early as possible. */
export function checkPictureFile(file: string): void {
  const extension = path.extname(file).toLowerCase();
  if (!(PICTURE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new HamiltonError(Messages.lineage.unsupportedPicture(file, PICTURE_EXTENSIONS));
  }
}

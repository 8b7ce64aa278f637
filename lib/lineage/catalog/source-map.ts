import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The file a compiled JavaScript file was written from, read from its source map (`//# sourceMappingURL=`,
 * a `.map` file or an inline `data:` URL): the first entry of `sources`, resolved against the map's folder
 * and `sourceRoot`. `undefined` when there is no map or the source is not on disk.
 */
export function originalSourceOf(jsFile: string, jsText: string): string | undefined {
  const match = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(jsText);
  if (!match) return undefined;
  const url = match[1];
  let map: { sources?: unknown; sourceRoot?: unknown };
  let mapFolder = path.dirname(jsFile);
  try {
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const body = url.slice(comma + 1);
      const text = url.slice(0, comma).endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
      map = JSON.parse(text) as typeof map;
    } else {
      const mapFile = path.resolve(mapFolder, decodeURIComponent(url));
      mapFolder = path.dirname(mapFile);
      map = JSON.parse(readFileSync(mapFile, 'utf8')) as typeof map;
    }
  } catch {
    return undefined;
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const first = sources.find((s): s is string => typeof s === 'string');
  if (first === undefined) return undefined;
  const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  const candidate = path.resolve(mapFolder, root, first.replace(/^file:\/\//, ''));
  return existsSync(candidate) ? candidate : undefined;
}

import { performance } from 'node:perf_hooks';
import { HamiltonError } from '../../errors/index.js';
import { fileUri, readBytes, writeTextAtomically } from '../files.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, fileMetadata, type FileShape, type IoMetadata } from '../metadata.js';
import { rowsOf, schemaOfRows, type Row } from '../tabular.js';
import { stringArgument } from './arguments.js';

/** Arguments of the json and jsonl kinds. */
export interface JsonArgs {
  readonly path: string;
}

const EXAMPLE = "{ path: 'data/model.json' }";

/** Rows and schema of a value when it is a list of objects. */
function shapeOf(value: unknown): FileShape {
  if (!Array.isArray(value)) return {};
  const objects = value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  return { rows: value.length, schema: objects ? schemaOfRows(value.slice(0, 1) as Row[]) : undefined };
}

/** Line and column of a character offset, both from 1. */
function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}

/** JSON: any value (JSON.parse / JSON.stringify); a syntax error names the line and column. */
export const jsonKind: IoKind<JsonArgs> = {
  name: 'json',
  location: 'path',
  load: (args: JsonArgs, { node }: IoContext): Loaded => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `json loader '${node}'`, EXAMPLE);
    const bytes = readBytes(path, node);
    const text = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      const [line, column] = position ? lineAndColumn(text, Number(position[1])) : [undefined, undefined];
      throw new HamiltonError(IoMessages.badData(node, 'json', fileUri(path), IoMessages.at(line, column), (error as Error).message), {
        cause: error,
      });
    }
    return [value, fileMetadata('load', 'json', path, shapeOf(value), bytes.length, contentHash(bytes), started)];
  },
  save: (data: unknown, args: JsonArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `json saver '${node}'`, EXAMPLE);
    const text = JSON.stringify(data);
    const { bytes, contentHash: hash } = writeTextAtomically(path, text, node);
    return fileMetadata('save', 'json', path, shapeOf(data), bytes, hash, started);
  },
};

/** JSON lines: one JSON value a line (rows as objects); a bad line is named by its number. Tables save as rows. */
export const jsonlKind: IoKind<JsonArgs, unknown[]> = {
  name: 'jsonl',
  location: 'path',
  load: (args: JsonArgs, { node }: IoContext): Loaded<unknown[]> => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `jsonl loader '${node}'`, "{ path: 'data/events.jsonl' }");
    const bytes = readBytes(path, node);
    const lines = bytes.toString('utf8').split('\n');
    const values: unknown[] = [];
    lines.forEach((line, i) => {
      if (line.trim().length === 0) return;
      try {
        values.push(JSON.parse(line));
      } catch (error) {
        throw new HamiltonError(IoMessages.badData(node, 'jsonl', fileUri(path), IoMessages.at(i + 1, undefined), (error as Error).message), {
          cause: error,
        });
      }
    });
    return [values, fileMetadata('load', 'jsonl', path, shapeOf(values), bytes.length, contentHash(bytes), started)];
  },
  save: (data: unknown, args: JsonArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `jsonl saver '${node}'`, "{ path: 'data/events.jsonl' }");
    const values = Array.isArray(data) ? data : rowsOf(data, node, 'jsonl');
    const text = values.map((value) => JSON.stringify(value)).join('\n') + (values.length > 0 ? '\n' : '');
    const { bytes, contentHash: hash } = writeTextAtomically(path, text, node);
    return fileMetadata('save', 'jsonl', path, shapeOf(values), bytes, hash, started);
  },
};

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportsHold } from '../../metadata/module-file.js';
import { originalSourceOf } from './source-map.js';

/** Where a method is written: a file (absolute) and a 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * Finds where `Class.method` is written, from the code alone (no stack traces, no compiler hooks):
 *
 * 1. the class that really declares the method is found up the prototype chain (a subclass inherits it);
 * 2. its module file is the `require.cache` entry whose exports hold that class (when no module exports
 *    it, the loaded project files whose text declares `class Name` are searched, if exactly one does; a
 *    class known only by name, such as a sub-graph's inner feature set, is found that way too);
 * 3. when that file is compiled JavaScript with a source map, the TypeScript source named by the map is
 *    read instead (ts-node loads `.ts` files directly, so they are read as they are);
 * 4. the line is that of the method's declaration (its name followed by `(`, after modifiers) within the
 *    class body, found by scanning the text from the `class Name` declaration.
 *
 * `undefined` when any step finds nothing: the catalog then leaves the location out rather than guess.
 */
export class SourceLocator {
  private readonly texts = new Map<string, string | undefined>();
  private readonly moduleFiles = new Map<Function, string | undefined>();

  /** Locates `method` of `cls`, or of the class of that name when only the name is known. */
  locate(cls: Function | string, method: string): SourceLocation | undefined {
    const owner = typeof cls === 'string' ? undefined : (declaringClass(cls, method) ?? cls);
    const className = owner?.name ?? (cls as string);
    const moduleFile = owner ? this.moduleFileOf(owner) : this.fileDeclaring(className);
    if (moduleFile === undefined) return undefined;
    const jsText = this.text(moduleFile);
    if (jsText === undefined) return undefined;
    const source = originalSourceOf(moduleFile, jsText);
    for (const [file, text] of [
      [source, source && this.text(source)],
      [moduleFile, jsText],
    ] as const) {
      if (file === undefined || text === undefined) continue;
      const line = methodLine(text, className, method);
      if (line !== undefined) return { file, line };
    }
    return undefined;
  }

  /** The loaded module that defines a class, by its exports first and by its text second. */
  private moduleFileOf(cls: Function): string | undefined {
    if (!this.moduleFiles.has(cls)) {
      const modules = Object.values(require.cache).filter((m): m is NodeJS.Module => m !== undefined);
      const file = modules.find((m) => exportsHold(m.exports, cls))?.filename;
      this.moduleFiles.set(cls, file ?? (cls.name ? this.fileDeclaring(cls.name) : undefined));
    }
    return this.moduleFiles.get(cls);
  }

  /** The one loaded project file (not under node_modules) whose text declares `class name`, if exactly one does. */
  private fileDeclaring(name: string): string | undefined {
    const declaration = new RegExp(`\\bclass\\s+${escapeRegExp(name)}\\b`);
    const candidates = Object.values(require.cache)
      .filter((m): m is NodeJS.Module => m !== undefined)
      .map((m) => m.filename)
      .filter((f) => !f.split(path.sep).includes('node_modules') && declaration.test(this.text(f) ?? ''));
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  private text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }
}

/** The class in `cls`'s chain whose prototype declares `method` itself. */
function declaringClass(cls: Function, method: string): Function | undefined {
  let current: unknown = cls;
  while (typeof current === 'function' && current !== Function.prototype) {
    const prototype = (current as AnyClass).prototype as object | undefined;
    if (prototype && Object.hasOwn(prototype, method)) return current;
    current = Object.getPrototypeOf(current);
  }
  return undefined;
}

/** The 1-based line of `method`'s declaration inside `class className`, or anywhere when the class is not found. */
export function methodLine(text: string, className: string, method: string): number | undefined {
  const classMatch = className ? new RegExp(`\\bclass\\s+${escapeRegExp(className)}\\b`).exec(text) : null;
  const from = classMatch ? classMatch.index : 0;
  const modifiers = '(?:(?:public|protected|private|static|async|override|readonly|declare)\\s+)*';
  const name = `(?:${escapeRegExp(method)}|['"]${escapeRegExp(method)}['"])`;
  const declaration = new RegExp(`^[ \\t]*${modifiers}(?:\\*[ \\t]*)?${name}[ \\t]*(?:<[^>(]*>)?[ \\t]*\\(`, 'gm');
  declaration.lastIndex = from;
  const match = declaration.exec(text);
  return match ? lineAt(text, match.index) : undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

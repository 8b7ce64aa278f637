import { readFileSync } from 'node:fs';
import type * as Acorn from 'acorn';
import type { Token } from 'acorn';

let acorn: typeof Acorn | undefined;

function loadAcorn(): typeof Acorn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as lib/graph/parameters.ts does
  acorn ??= require('acorn') as typeof Acorn;
  return acorn;
}

/** A module-local helper: its normalised source and the names it mentions. */
export interface Helper {
  readonly source: string;
  readonly names: ReadonlySet<string>;
}

/** The top-level functions and variables of a module file, by name. */
export type ModuleHelpers = ReadonlyMap<string, Helper>;

/**
 * Tokens of `text` as acorn's tokenizer reads JavaScript. `@` (a decorator in TypeScript run through ts-node)
 * is not JavaScript: it is read as a space, the same way on every version of the file.
 */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const token of loadAcorn().tokenizer(text.replace(/@/g, ' '), { ecmaVersion: 'latest', allowHashBang: true })) tokens.push(token);
  return tokens;
}

/** Source reduced to its tokens, one space apart: whitespace, line breaks and comments do not change it. */
export function normalisedSource(text: string): string {
  return tokensOf(text)
    .map((t) => text.slice(t.start, t.end))
    .join(' ');
}

/**
 * The helpers a module file declares at its top level: `function name() {}` and `const|let|var name = ...;`
 * (a constant a method reads is code too). Read with the tokenizer only, so TypeScript run through ts-node is
 * read as well as compiled JavaScript. A declaration without its `;` runs on into the next statement, which can
 * only make a version change more often, never less.
 */
export function moduleHelpers(file: string): ModuleHelpers {
  const text = readFileSync(file, 'utf8');
  const tokens = tokensOf(text);
  const tt = loadAcorn().tokTypes;
  const helpers = new Map<string, Helper>();
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (depth === 0) {
      const declared = declarationAt(tokens, i, text, tt);
      if (declared) {
        const end = endOfDeclaration(tokens, declared.bodyFrom, declared.kind, tt);
        const part = tokens.slice(i, end + 1);
        helpers.set(declared.name, {
          source: part.map((t) => text.slice(t.start, t.end)).join(' '),
          names: new Set(part.filter((t) => t.type === tt.name).map((t) => text.slice(t.start, t.end))),
        });
        i = end;
        continue;
      }
    }
    depth += depthChange(token, tt);
  }
  return helpers;
}

/** The helpers `source` mentions, and those they mention in turn; sorted by name. */
export function referencedHelpers(source: string, helpers: ModuleHelpers): string[] {
  if (helpers.size === 0) return [];
  const tt = loadAcorn().tokTypes;
  const found = new Set<string>();
  const pending = tokensOf(source)
    .filter((t) => t.type === tt.name)
    .map((t) => source.slice(t.start, t.end));
  while (pending.length > 0) {
    const name = pending.pop()!;
    const helper = helpers.get(name);
    if (!helper || found.has(name)) continue;
    found.add(name);
    pending.push(...helper.names);
  }
  return [...found].sort();
}

type TokTypes = typeof Acorn.tokTypes;

function declarationAt(
  tokens: Token[],
  i: number,
  text: string,
  tt: TokTypes,
): { name: string; bodyFrom: number; kind: 'function' | 'variable' } | undefined {
  const token = tokens[i];
  const word = text.slice(token.start, token.end);
  if (token.type === tt._function) {
    let j = i + 1;
    if (tokens[j]?.type === tt.star) j++;
    const name = tokens[j];
    if (name?.type !== tt.name) return undefined;
    return { name: text.slice(name.start, name.end), bodyFrom: j + 1, kind: 'function' };
  }
  if (token.type === tt._const || token.type === tt._var || (token.type === tt.name && word === 'let')) {
    const name = tokens[i + 1];
    if (name?.type !== tt.name) return undefined;
    return { name: text.slice(name.start, name.end), bodyFrom: i + 2, kind: 'variable' };
  }
  return undefined;
}

/** The last token of a declaration: a function's closing brace, a variable's `;` (or the file's end). */
function endOfDeclaration(tokens: Token[], from: number, kind: 'function' | 'variable', tt: TokTypes): number {
  let depth = 0;
  let opened = false;
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j];
    // A function's body is its first brace outside the parameter list (a default `{}` is inside it).
    if (token.type === tt.braceL && depth === 0) opened = true;
    depth += depthChange(token, tt);
    if (kind === 'function' && opened && depth === 0) return j;
    if (kind === 'variable' && depth === 0 && token.type === tt.semi) return j;
  }
  return tokens.length - 1;
}

function depthChange(token: Token, tt: TokTypes): number {
  const type = token.type;
  if (type === tt.braceL || type === tt.parenL || type === tt.bracketL || type === tt.dollarBraceL) return 1;
  if (type === tt.braceR || type === tt.parenR || type === tt.bracketR) return -1;
  return 0;
}

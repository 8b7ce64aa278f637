import type * as Acorn from 'acorn';
import type { Token } from 'acorn';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';

let acorn: typeof Acorn | undefined;
let tt: typeof Acorn.tokTypes;

/** acorn, loaded on first use: plain parameter lists (nearly all) never need it, and `import` stays fast. */
function loadAcorn(): typeof Acorn {
  if (!acorn) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    acorn = require('acorn') as typeof Acorn;
    tt = acorn.tokTypes;
  }
  return acorn;
}

/** A parameter read from a function's source: its name, and whether a default value makes it optional. */
export interface ParameterSpec {
  readonly name: string;
  readonly optional: boolean;
  /** A rest parameter (`...xs`), read only when asked for (`@does` gives it the remaining arguments). */
  readonly rest?: boolean;
}

const NATIVE_CODE = /\{\s*\[native code\]\s*\}\s*$/;

/**
 * Reads parameter names from a function's compiled source with acorn's tokenizer, so comments, strings,
 * template literals and nested defaults are handled as JavaScript defines them. Only the parameter list is
 * tokenized, never the body, which keeps graph building fast.
 *
 * @param origin `Class.method`, named in errors.
 */
export function readParameters(fn: Function, origin: string, options?: { readonly allowRest?: boolean }): ParameterSpec[] {
  const source = Function.prototype.toString.call(fn);
  if (source.includes('[native code]') && NATIVE_CODE.test(source)) {
    throw new InvalidDecoratorError(Messages.unreadableParams(origin, 'it is native or bound code'));
  }
  const simple = simpleParameters(source);
  if (simple) return simple;
  let tokens: Iterator<Token>;
  try {
    tokens = loadAcorn().tokenizer(source, { ecmaVersion: 'latest', allowHashBang: true })[Symbol.iterator]();
  } catch (e) {
    throw new InvalidDecoratorError(Messages.unreadableParams(origin, (e as Error).message));
  }
  try {
    return readFromTokens(tokens, (t) => source.slice(t.start, t.end), origin, options?.allowRest === true);
  } catch (e) {
    if (e instanceof InvalidDecoratorError) throw e;
    throw new InvalidDecoratorError(Messages.unreadableParams(origin, (e as Error).message));
  }
}

/**
 * The fast path for the common shape, `name(a, b) {`: only words, `*` and spaces before the first `(`, then
 * plain ASCII identifiers separated by commas. Anything else (comments, defaults, strings, brackets, arrows
 * without parentheses, non-ASCII names) returns undefined and goes through acorn, which reads these alike.
 * A character scan: no regex match arrays or split strings for a graph of 100k methods to collect.
 */
function simpleParameters(source: string): ParameterSpec[] | undefined {
  const length = source.length;
  let i = 0;
  for (; ; i++) {
    if (i >= length) return undefined;
    const c = source.charCodeAt(i);
    if (c === OPEN_PAREN) break;
    if (!isWordChar(c) && !isSpace(c) && c !== STAR) return undefined;
  }
  const params: ParameterSpec[] = [];
  for (i++; ; i++) {
    while (i < length && isSpace(source.charCodeAt(i))) i++;
    if (i >= length) return undefined;
    if (source.charCodeAt(i) === CLOSE_PAREN) return params; // `()`, or after a trailing comma
    if (!isIdentifierStart(source.charCodeAt(i))) return undefined;
    const start = i;
    while (++i < length && isWordChar(source.charCodeAt(i)));
    params.push({ name: source.slice(start, i), optional: false });
    while (i < length && isSpace(source.charCodeAt(i))) i++;
    if (i >= length) return undefined;
    const c = source.charCodeAt(i);
    if (c === CLOSE_PAREN) return params;
    if (c !== COMMA) return undefined;
  }
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const STAR = 0x2a;
const COMMA = 0x2c;

/** `[A-Za-z_$]` */
function isIdentifierStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

/** `[A-Za-z0-9_$]` */
function isWordChar(c: number): boolean {
  return isIdentifierStart(c) || (c >= 0x30 && c <= 0x39);
}

/** Space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

type TextOf = (token: Token) => string;

function readFromTokens(tokens: Iterator<Token>, text: TextOf, origin: string, allowRest: boolean): ParameterSpec[] {
  // Skip to the parameter list: the first `(` outside a computed `[key]`; an arrow `x => ...` has none.
  let bracketDepth = 0;
  let previous: Token | undefined;
  for (let step = tokens.next(); ; step = tokens.next()) {
    if (step.done) throw new Error('no parameter list found');
    const token = step.value;
    if (token.type === tt.bracketL) bracketDepth++;
    else if (token.type === tt.bracketR) bracketDepth--;
    else if (token.type === tt.arrow && previous?.type === tt.name) {
      return [{ name: text(previous), optional: false }];
    } else if (token.type === tt.parenL && bracketDepth === 0) break;
    previous = token;
  }
  return readParameterList(tokens, text, origin, allowRest);
}

function readParameterList(tokens: Iterator<Token>, text: TextOf, origin: string, allowRest: boolean): ParameterSpec[] {
  const params: ParameterSpec[] = [];
  for (;;) {
    const first = next(tokens);
    if (first.type === tt.parenR) return params;
    if (first.type === tt.braceL || first.type === tt.bracketL) {
      throw new InvalidDecoratorError(Messages.destructuredParam(origin, params.length + 1));
    }
    if (first.type === tt.ellipsis) {
      const rest = next(tokens);
      if (!allowRest || rest.type !== tt.name) throw new InvalidDecoratorError(Messages.restParam(origin, text(rest)));
      params.push({ name: text(rest), optional: true, rest: true });
      if (next(tokens).type !== tt.parenR) throw new Error('a rest parameter must come last');
      return params;
    }
    if (first.type !== tt.name && !first.type.keyword) throw new Error(`unexpected '${text(first)}'`);
    const name = text(first);
    const after = next(tokens);
    if (after.type === tt.eq) {
      params.push({ name, optional: true });
      if (skipDefaultValue(tokens)) return params;
    } else if (after.type === tt.comma) {
      params.push({ name, optional: false });
    } else if (after.type === tt.parenR) {
      params.push({ name, optional: false });
      return params;
    } else {
      throw new Error(`unexpected '${text(after)}' after parameter '${name}'`);
    }
  }
}

/** Skips a default value expression; returns true when it ended the list (`)`), false at a `,`. */
function skipDefaultValue(tokens: Iterator<Token>): boolean {
  let depth = 0;
  for (;;) {
    const token = next(tokens);
    const type = token.type;
    if (type === tt.parenL || type === tt.bracketL || type === tt.braceL || type === tt.dollarBraceL) depth++;
    else if (type === tt.parenR || type === tt.bracketR || type === tt.braceR) {
      if (depth === 0 && type === tt.parenR) return true;
      depth--;
    } else if (type === tt.comma && depth === 0) return false;
  }
}

function next(tokens: Iterator<Token>): Token {
  const step = tokens.next();
  if (step.done || step.value.type === tt.eof) throw new Error('the parameter list does not end');
  return step.value;
}

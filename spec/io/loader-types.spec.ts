import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The compile-time loader checks (lib/io/fits.ts) against spec/io/fixtures/loader-types.ts. The normal build
 * proves that each marked wrong use is an error and each right use compiles; here the fixture is compiled again
 * with its `@ts-expect-error` markers removed, so each error must be the loader check's own (not some other
 * mistake on that line) and must fall on a marked line, with legacy (`experimentalDecorators`) and standard
 * decorators alike.
 */
const projectRoot = path.resolve(__dirname, '../../..');
const fixturePath = path.join(projectRoot, 'spec/io/fixtures/loader-types.ts');
const MARKER = '// @ts-expect-error';
const CHECK_MESSAGES = [
  'loadFrom: no parameter of this method can take the loaded value',
  '@dataloader: the method returns [data, metadata]',
  'from: the loaded value does not fit the node it fills',
];

interface Found {
  readonly line: number;
  readonly message: string;
}

/** The fixture's errors when compiled with its markers blanked (line numbers from 1). */
function errorsWithoutMarkers(experimentalDecorators: boolean): Found[] {
  const text = fs
    .readFileSync(fixturePath, 'utf8')
    .split('\n')
    .map((line) => (line.trim().startsWith(MARKER) ? '' : line))
    .join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    experimentalDecorators,
    emitDecoratorMetadata: experimentalDecorators,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    paths: { 'hamilton-ts': [path.join(projectRoot, 'lib/index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) =>
    path.resolve(fileName) === fixturePath ? ts.createSourceFile(fileName, text, language) : getSourceFile(fileName, language, onError, create);
  const program = ts.createProgram([fixturePath], options, host);
  const source = program.getSourceFile(fixturePath)!;
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => ({
    line: source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  }));
}

/** The lines the markers stand above (the wrong uses), from 1. */
function markedLines(): number[] {
  return fs
    .readFileSync(fixturePath, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.trim().startsWith(MARKER) ? [i + 2] : []));
}

describe('io/loader types: a loaded value that cannot fit where it goes is a compile error', function () {
  this.timeout(180_000);

  it('the fixture marks wrong uses of each form: @loadFrom, @dataloader, from in materialize on both drivers', () => {
    const text = fs.readFileSync(fixturePath, 'utf8');
    expect(markedLines().length).to.be.at.least(12);
    expect(text).to.match(/@ts-expect-error[^\n]*\n\s*@loadFrom\./);
    expect(text).to.match(/@ts-expect-error[^\n]*\n\s*@dataloader\(\)/);
    expect(text).to.match(/@ts-expect-error[^\n]*\n\s*dr\.materialize\(\[from\./);
    expect(text).to.match(/@ts-expect-error[^\n]*\n\s*await adr\.materialize\(\[from\./);
  });

  for (const [mode, experimental] of [
    ['legacy decorators (experimentalDecorators)', true],
    ['standard decorators', false],
  ] as const) {
    it(`${mode}: without its markers, exactly the marked lines fail, each with the loader check's message`, () => {
      const found = errorsWithoutMarkers(experimental);
      const marked = markedLines();
      expect([...new Set(found.map((f) => f.line))].sort((a, b) => a - b)).to.deep.equal(marked);
      for (const { line, message } of found) {
        expect(
          CHECK_MESSAGES.some((check) => message.includes(check)),
          `line ${line}: ${message}`,
        ).to.equal(true);
      }
    });
  }
});

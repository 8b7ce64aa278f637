import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * docs/ARCHITECTURE.md's layering, checked on the sources: a module never imports (type-only imports included)
 * from a higher layer. The one named exception is a worker thread's entry point, which requires the package.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const LIB = join(ROOT, 'lib');
const LAYERS: readonly (readonly string[])[] = [
  ['constants', 'errors', 'metadata', 'dataframe'],
  ['validation'],
  ['decorators'],
  ['graph'],
  ['execution'],
  ['results'],
  ['io'],
  ['lineage'],
  ['cache'],
  ['tracking'],
  ['driver'],
  ['integrations', 'cli', 'ui', 'index.ts'],
];

function layerOf(file: string): number {
  const top = relative(LIB, file).split(/[\\/]/)[0];
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`${relative(ROOT, file)} is in no layer of docs/ARCHITECTURE.md`);
  return layer;
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers a file imports or re-exports (static, dynamic, `require`, type-only alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) found.add(match[1]);
  return [...found];
}

describe('layers (docs/ARCHITECTURE.md)', () => {
  it('no module of lib/ imports from a higher layer, type-only imports included', () => {
    const upward: string[] = [];
    for (const file of sources(LIB)) {
      if (file.endsWith(join('worker-pool', 'worker-main.ts'))) continue;
      const own = layerOf(file);
      for (const specifier of importsOf(file)) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
        if (layerOf(target) > own) upward.push(`${relative(ROOT, file)} -> ${specifier}`);
      }
    }
    expect(upward).to.deep.equal([]);
  });

  it('the checker sees imports of every form (it would miss nothing it should catch)', () => {
    const all = importsOf(join(LIB, 'execution', 'scheduler.ts'));
    expect(all).to.include('./executor.js');
    expect(all.length).to.be.greaterThan(5);
  });
});

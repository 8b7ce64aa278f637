import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * `npm run test:unit` runs every spec but the `*.integration.spec.ts`, which `npm run test:integration` runs
 * with Redis, PostgreSQL, chromium and the npm registry at hand (.ci/test.sh). Checked on the sources: a spec
 * that reaches any of those, itself or through a spec helper it imports, is named `.integration.spec.ts`,
 * and one so named does reach one.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const SPEC = join(ROOT, 'spec');
const THIS_FILE = join(SPEC, 'architecture', 'spec-kinds.spec.ts');

/**
 * What only an integration run provides: the servers' URLs, a browser, a redis-server binary, npm itself, and a
 * package `npx -y -p <package>` fetches from the registry.
 */
const OUTSIDE = [
  /HAMILTON_TEST_(REDIS|POSTGRES)_URL/,
  /['"]playwright-core['"]/,
  /['"]redis-server['"]/,
  /['"]npm(\.cmd)?['"]/,
  /['"]-y['"],\s*['"]-p['"]/,
];

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The spec modules a file imports by relative path (static, dynamic, `require`, type-only alike). */
function specImportsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), match[1]).replace(/\.js$/, '.ts');
    if (target.startsWith(SPEC + '/')) found.push(target);
  }
  return found;
}

/** Which of the spec modules reach the outside, themselves or through what they import. */
function outsideReach(files: readonly string[]): Map<string, string | undefined> {
  const reach = new Map<string, string | undefined>();
  const visit = (file: string, trail: ReadonlySet<string>): string | undefined => {
    if (reach.has(file)) return reach.get(file);
    if (trail.has(file)) return undefined;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const own = OUTSIDE.find((marker) => marker.test(text));
    let why = own && `${relative(ROOT, file)} uses ${own.source}`;
    for (const imported of specImportsOf(file, text)) {
      why ??= visit(imported, new Set([...trail, file]));
    }
    reach.set(file, why);
    return why;
  };
  for (const file of files) if (file !== THIS_FILE) visit(file, new Set());
  return reach;
}

describe('spec kinds: unit and integration (.mocharc.unit.json, .mocharc.integration.json)', () => {
  const specs = sources(SPEC).filter((file) => file.endsWith('.spec.ts') && file !== THIS_FILE);
  const reach = outsideReach(specs);

  it('a spec that needs a server, a browser or the npm registry is named *.integration.spec.ts', () => {
    const misnamed = specs
      .filter((file) => reach.get(file) !== undefined && !file.endsWith('.integration.spec.ts'))
      .map((file) => `${relative(ROOT, file)} (${reach.get(file)})`);
    expect(misnamed).to.deep.equal([]);
  });

  it('a spec named *.integration.spec.ts does need one (else it belongs with the unit specs)', () => {
    const needless = specs.filter((file) => file.endsWith('.integration.spec.ts') && reach.get(file) === undefined);
    expect(needless.map((file) => relative(ROOT, file))).to.deep.equal([]);
  });

  it('the check sees the helpers that reach the outside, and specs reaching them through imports', () => {
    const helpers = ['spec/lineage/chromium.ts', 'spec/integrations/servers.ts', 'spec/package/consumer-project.ts'];
    for (const helper of helpers) expect(outsideReach([join(ROOT, helper)]).get(join(ROOT, helper)), helper).to.be.a('string');
    const install = join(SPEC, 'package', 'plain-install.integration.spec.ts');
    expect(OUTSIDE.some((marker) => marker.test(readFileSync(install, 'utf8')))).to.equal(false);
    expect(reach.get(install)).to.contain('spec/package/consumer-project.ts');
    expect(reach.get(join(SPEC, 'graph', 'cycles.spec.ts'))).to.equal(undefined);
  });
});

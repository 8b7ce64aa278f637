import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import fc from 'fast-check';
import { contentHash } from '../../lib/metadata/content-hash.js';

describe('contentHash', () => {
  it('is xxh3-128 when @node-rs/xxhash is installed: equal for equal bytes, different when one byte differs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.nat(), (bytes, at) => {
        const hash = contentHash(bytes);
        expect(hash).to.match(/^xxh3-128:[0-9a-f]{32}$/);
        expect(contentHash(Uint8Array.from(bytes))).to.equal(hash);
        const changed = Uint8Array.from(bytes);
        changed[at % changed.length] ^= 1;
        expect(contentHash(changed)).to.not.equal(hash);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a string as its UTF-8 bytes', () => {
    const text = 'spend,signups\n1.5,ü\n';
    expect(contentHash(text)).to.equal(contentHash(Buffer.from(text, 'utf8')));
  });

  it('falls back to a prefixed SHA-256 when the optional peer is not installed', () => {
    const script = `process.stdout.write(require(${JSON.stringify(require.resolve('../../lib/metadata/content-hash.js'))}).contentHash('abc'))`;
    const preload = path.join(__dirname, 'fixtures', 'without-xxhash.js');
    const printed = execFileSync(process.execPath, ['--require', preload, '-e', script], { encoding: 'utf8' });
    expect(printed).to.equal(`sha256:${createHash('sha256').update('abc').digest('hex')}`);
  });
});

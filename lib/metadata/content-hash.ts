import { createHash } from 'node:crypto';

/** The streaming xxh3 hasher of `@node-rs/xxhash` (the part of its API used here). */
interface Xxh3Stream {
  update(input: Uint8Array | string): Xxh3Stream;
  digest(): bigint;
}
interface XxhashPackage {
  readonly xxh3: { readonly Xxh3: { withSeed(seed?: bigint): Xxh3Stream } };
}

let xxhash: XxhashPackage | null | undefined;

/** `@node-rs/xxhash` when installed (an optional peer), else `null`: loaded once. */
function fastHasher(): XxhashPackage | null {
  if (xxhash === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer: SHA-256 serves when it is absent
      xxhash = require('@node-rs/xxhash') as XxhashPackage;
    } catch {
      xxhash = null;
    }
  }
  return xxhash;
}

/** Two 64-bit xxh3 streams under different seeds give 128 bits, enough that two files never share a hash by chance. */
const SEEDS = [0n, 0x9e3779b97f4a7c15n] as const;

/**
 * The hash of a file's or a stored result's bytes, to tell when they changed or were corrupted (not to resist
 * an attacker): `xxh3-128:<hex>` through `@node-rs/xxhash` (about 30 GB/s with its streaming API, ten times
 * SHA-256, whose cost showed in loading large files), or `sha256:<hex>` from Node's crypto when that optional
 * peer is not installed. The prefix names the algorithm, so hashes made with and without it never compare equal.
 */
export function contentHash(bytes: Uint8Array | string): string {
  return contentHasher().update(bytes).digest();
}

/** `contentHash` of bytes that come in pieces (a file read in chunks): the hash of the whole, never held at once. */
export interface ContentHasher {
  update(bytes: Uint8Array | string): ContentHasher;
  digest(): string;
}

/** A `ContentHasher`: feed it the pieces in order; `digest()` equals `contentHash` of them joined. */
export function contentHasher(): ContentHasher {
  const fast = fastHasher();
  if (!fast) {
    const sha = createHash('sha256');
    const hasher: ContentHasher = { update: (bytes) => (sha.update(bytes), hasher), digest: () => `sha256:${sha.digest('hex')}` };
    return hasher;
  }
  const streams = SEEDS.map((seed) => fast.xxh3.Xxh3.withSeed(seed));
  const hasher: ContentHasher = {
    update: (bytes) => {
      for (const stream of streams) stream.update(bytes);
      return hasher;
    },
    digest: () => `xxh3-128:${streams.map((stream) => stream.digest().toString(16).padStart(16, '0')).join('')}`,
  };
  return hasher;
}

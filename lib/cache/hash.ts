import { createHash, type Hash } from 'node:crypto';

/**
 * The hash of data and code versions: SHA-256 from Node's own crypto (OpenSSL). It is synchronous, which the sync Driver
 * needs (the WebAssembly hashers on npm only start asynchronously), runs at about 2 GB/s where the CPU has SHA
 * instructions, and is collision-resistant, so a version can address a result file. (A version is fed many small updates, which
 * cost less through Node's crypto than through a native xxh3 binding.)
 */
export const HASH_ALGORITHM = 'sha256';

/** Hex characters kept of a digest: 128 bits, short enough for file names. */
const VERSION_LENGTH = 32;

export function newHash(): Hash {
  return createHash(HASH_ALGORITHM);
}

/** The version string of a finished hash. */
export function digestOf(hash: Hash): string {
  return hash.digest('hex').slice(0, VERSION_LENGTH);
}

/** The version of a list of strings, each length-prefixed so no two lists share an encoding. */
export function hashStrings(parts: readonly string[]): string {
  const hash = newHash();
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return digestOf(hash);
}

/** The checksum of a stored result's bytes: only corruption is guarded against, so the fast content hash serves. */
export { contentHash as checksumOf } from '../metadata/content-hash.js';

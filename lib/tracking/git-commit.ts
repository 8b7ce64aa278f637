import { execFileSync } from 'node:child_process';

let known: { readonly commit: string | null } | undefined;

/**
 * The git commit of the working directory (asked once per process, off the run's path: when records are
 * written), or null outside a repository or without git. A run's DAG version is its code; the commit says
 * where that code lives.
 */
export function gitCommit(): string | null {
  known ??= { commit: askGit() };
  return known.commit;
}

function askGit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 2000 }).trim() || null;
  } catch {
    return null;
  }
}

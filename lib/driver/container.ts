import type { Container } from 'inversify';

let inversify: typeof import('inversify') | undefined;

/**
 * A fresh inversify container. inversify is loaded on first use: it takes longer to import than the rest of
 * hamilton-ts together, and `import 'hamilton-ts'` must stay fast for scripts that only declare features.
 */
export function newContainer(): Container {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  inversify ??= require('inversify') as typeof import('inversify');
  return new inversify.Container();
}

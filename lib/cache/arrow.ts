import type * as Arrow from 'apache-arrow';

let arrow: typeof Arrow | null | undefined;

/** apache-arrow when installed (an optional peer); only asked for once a value looks like one of its classes. */
function arrowIfInstalled(): typeof Arrow | undefined {
  if (arrow === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only for a value that may be a table
      arrow = require('apache-arrow') as typeof Arrow;
    } catch {
      arrow = null;
    }
  }
  return arrow ?? undefined;
}

/**
 * An Arrow table or vector as Arrow IPC bytes (schema, then the columns' buffers): what its data version is
 * hashed from. Undefined for anything else; apache-arrow is loaded only for an object named like its classes.
 */
export function arrowIpcOf(value: object): Uint8Array | undefined {
  const name = value.constructor?.name;
  if (name !== 'Table' && name !== 'Vector') return undefined;
  const a = arrowIfInstalled();
  if (!a) return undefined;
  if (value instanceof a.Table) return a.tableToIPC(value, 'stream');
  if (value instanceof a.Vector) return a.tableToIPC(new a.Table({ values: value }), 'stream');
  return undefined;
}

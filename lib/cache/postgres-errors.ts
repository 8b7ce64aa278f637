/**
 * Whether an error is an answer of the PostgreSQL server (it carries a five-character SQLSTATE: a statement
 * refused, the connection still usable) rather than a connection that failed.
 */
export function isSqlError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

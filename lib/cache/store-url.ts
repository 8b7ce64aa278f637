/** Whether a store option names a PostgreSQL database rather than a folder. */
export function isPostgresUrl(value: unknown): value is string {
  return typeof value === 'string' && /^postgres(ql)?:\/\//i.test(value);
}

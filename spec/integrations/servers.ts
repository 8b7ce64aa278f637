/**
 * Connection strings of the real servers some specs need. `.ci/run` starts Redis and PostgreSQL on loopback
 * and exports them; elsewhere the spec fails (never skips) and says how to start them.
 */
export function serverUrl(name: 'HAMILTON_TEST_REDIS_URL' | 'HAMILTON_TEST_POSTGRES_URL'): string {
  const url = process.env[name];
  if (!url) {
    throw new Error(
      `${name} is not set: this spec talks to a real server. Start Redis and PostgreSQL on loopback with ` +
        '`source .ci/services.sh && start_services` (it exports the variables), then run the specs in that shell.',
    );
  }
  return url;
}

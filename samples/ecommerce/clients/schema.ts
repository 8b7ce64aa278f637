import { seedData } from './seed-data.js';
import type { Dialect, SqlClient } from './sql-client.js';

/** Column types that differ between the dialects; everything else is the same SQL. */
const TYPES: Record<Dialect, { real: string; timestamp: string }> = {
  sqlite: { real: 'REAL', timestamp: 'TEXT' },
  postgres: { real: 'DOUBLE PRECISION', timestamp: 'TIMESTAMPTZ' },
};

function ddl(dialect: Dialect): string {
  const t = TYPES[dialect];
  return `
    CREATE TABLE IF NOT EXISTS survey_results (
      client_id INTEGER PRIMARY KEY, budget ${t.real} NOT NULL, age INTEGER NOT NULL, gender TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS client_logins (client_id INTEGER PRIMARY KEY, last_logged_in ${t.timestamp} NOT NULL);
    CREATE TABLE IF NOT EXISTS conversions (client_id INTEGER PRIMARY KEY, converted INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS training_artifacts (name TEXT PRIMARY KEY, body TEXT NOT NULL, trained_at TEXT NOT NULL);`;
}

/**
 * Creates the shop's tables and, when they are empty, fills them with the generated data (so a fresh
 * SQLite file or an empty PostgreSQL database both work out of the box). Returns whether it seeded.
 */
export async function ensureSeeded(db: SqlClient): Promise<boolean> {
  // PostgreSQL runs a multi-statement string in one simple query; SQLite's exec() does too.
  await db.execute(ddl(db.dialect));
  const [{ n }] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM survey_results');
  if (Number(n) > 0) return false;
  const data = seedData();
  await db.insertMany(
    'survey_results',
    ['client_id', 'budget', 'age', 'gender'],
    data.surveys.map((s) => [s.clientId, s.budget, s.age, s.gender]),
  );
  await db.insertMany(
    'client_logins',
    ['client_id', 'last_logged_in'],
    data.logins.map((l) => [l.clientId, l.lastLoggedIn.toISOString()]),
  );
  await db.insertMany(
    'conversions',
    ['client_id', 'converted'],
    data.conversions.map((c) => [c.clientId, c.converted]),
  );
  return true;
}

/** Drops the shop's tables (tests start from nothing). */
export async function dropTables(db: SqlClient): Promise<void> {
  await db.execute(
    'DROP TABLE IF EXISTS survey_results; DROP TABLE IF EXISTS client_logins; DROP TABLE IF EXISTS conversions; DROP TABLE IF EXISTS training_artifacts;',
  );
}

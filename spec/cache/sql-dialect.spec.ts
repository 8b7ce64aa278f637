import { expect } from 'chai';
import fc from 'fast-check';
import { ADDED_COLUMNS, SCHEMA } from '../../lib/cache/schema.js';
import { DialectError, postgresSchema, postgresSql, tablesOf } from '../../lib/cache/sql-dialect.js';

const TABLES = tablesOf(SCHEMA, ADDED_COLUMNS);

describe('cache/sql-dialect: SQLite statements rewritten for PostgreSQL in one place', () => {
  it('reads every table’s columns and primary key from the schema, added columns included', () => {
    expect(TABLES.get('cache_entries')).to.deep.include({ key: ['cache_key'] });
    expect(TABLES.get('node_runs')!.key).to.deep.equal(['run_id', 'node', 'item']);
    expect(TABLES.get('runs')!.columns).to.include.members(['config', 'git_commit', 'status']);
    expect(TABLES.get('dag_graphs')!.key).to.deep.equal(['dag_version']);
  });

  it('numbers placeholders, leaving question marks inside quotes alone', () => {
    expect(postgresSql("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?", TABLES)).to.equal("SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
    expect(postgresSql("SELECT 'it''s ?' AS x, ? AS y", TABLES)).to.equal("SELECT 'it''s ?' AS x, $1 AS y");
  });

  it('INSERT OR REPLACE becomes an upsert on the primary key that resets the columns it does not name, as REPLACE does', () => {
    const sql = postgresSql('INSERT OR REPLACE INTO cache_runs (run_id, dag_version, started_at) VALUES (?, ?, ?)', TABLES);
    expect(sql).to.equal(
      'INSERT INTO cache_runs (run_id, dag_version, started_at) VALUES ($1, $2, $3) ON CONFLICT (run_id) DO UPDATE SET ' +
        'dag_version = EXCLUDED.dag_version, started_at = EXCLUDED.started_at, ended_at = DEFAULT, success = DEFAULT',
    );
  });

  it('INSERT OR IGNORE does nothing on a conflict; an upsert into a table without a key is refused', () => {
    expect(postgresSql('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)', TABLES)).to.equal(
      'INSERT INTO projects (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    );
    expect(() => postgresSql('INSERT OR REPLACE INTO nowhere (a) VALUES (?)', TABLES)).to.throw(DialectError, /nowhere/);
  });

  it('LIMIT -1 is LIMIT ALL, and a mixed-case alias keeps its case', () => {
    expect(postgresSql('SELECT run_id FROM runs ORDER BY started_at DESC LIMIT -1 OFFSET ?', TABLES)).to.equal(
      'SELECT run_id FROM runs ORDER BY started_at DESC LIMIT ALL OFFSET $1',
    );
    expect(postgresSql('SELECT MAX(created_at) AS lastStored, COUNT(*) AS n FROM t', TABLES)).to.equal(
      'SELECT MAX(created_at) AS "lastStored", COUNT(*) AS n FROM t',
    );
  });

  it('maps column types and gives every table the rowid SQLite has implicitly', () => {
    const statements = postgresSchema(SCHEMA, ADDED_COLUMNS);
    const results = statements.find((s) => s.includes('TABLE IF NOT EXISTS results'))!;
    expect(results)
      .to.match(/rowid BIGSERIAL/)
      .and.match(/inline BYTEA/)
      .and.match(/bytes BIGINT/);
    expect(statements.find((s) => s.includes('TABLE IF NOT EXISTS node_runs'))).to.match(/started_at DOUBLE PRECISION/);
    expect(statements).to.include('ALTER TABLE runs ADD COLUMN IF NOT EXISTS config TEXT');
    expect(statements.join(';')).to.not.match(/\b(BLOB|REAL|INTEGER)\b/);
  });

  it('property: n placeholders outside quotes become $1..$n in order, and the text between them is kept', () => {
    const piece = fc.stringMatching(/^[a-z =,()']{0,8}$/).filter((s) => (s.match(/'/g) ?? []).length % 2 === 0);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const sql = `SELECT ${pieces.join('?')}`;
        const translated = postgresSql(sql, TABLES).replace(/\bAS\s+"(\w+)"/g, 'AS $1');
        const expected = `SELECT ${pieces.map((p, i) => (i === 0 ? p : `$${i}${p}`)).join('')}`.replace(/\bLIMIT\s+-1\b/gi, 'LIMIT ALL');
        expect(translated).to.equal(expected);
      }),
    );
  });
});

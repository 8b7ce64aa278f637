import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { HamiltonError, PostgresStore, RunTracker, SQLiteStore } from 'hamilton-ts';
import { isPostgresUrl, storeOf } from '../../lib/cache/store.js';

/** What needs no server: checks of what a caller passes, and the packages a PostgreSQL store needs. */
describe('PostgresStore without a server: arguments and missing packages', () => {
  it('refuses a URL that is not a postgres:// one, and bad timeouts, with a HamiltonError saying what to give', () => {
    for (const bad of ['', 'mysql://h/db', 'postgres://', 'nope', 42, null, {}]) {
      expect(() => new PostgresStore(bad as string), String(bad)).to.throw(HamiltonError, /new PostgresStore\(url\) takes a URL/);
    }
    for (const timeout of [0, -5, Number.NaN, '5s']) {
      expect(() => new PostgresStore('postgres://u@127.0.0.1:1/x', { connectTimeoutMs: timeout as number }), String(timeout)).to.throw(
        HamiltonError,
        /milliseconds above 0/,
      );
    }
  });

  it('tells a postgres:// URL from a folder; storeOf passes a store given as it is', () => {
    expect(isPostgresUrl('postgres://u@h/db')).to.equal(true);
    expect(isPostgresUrl('postgresql://u@h/db')).to.equal(true);
    expect(isPostgresUrl('./postgres')).to.equal(false);
    expect(isPostgresUrl(undefined)).to.equal(false);
    const given = Object.create(SQLiteStore.prototype) as SQLiteStore;
    expect(storeOf(given)).to.equal(given);
  });

  it('asking a PostgreSQL store for a SQLite database is a HamiltonError', () => {
    // The check runs on the class, before any connection: a store whose server was never reached says the same.
    const pgLike = Object.create(PostgresStore.prototype) as PostgresStore;
    Object.defineProperty(pgLike, 'path', { value: 'postgres://u@h:5432/db' });
    Object.defineProperty(pgLike, 'backend', { value: {} });
    expect(() => pgLike.db).to.throw(HamiltonError, /PostgreSQL store: it has no SQLite database/);
  });

  it('a SQLite store given a postgres:// URL says to open a PostgresStore (no folder named postgres: is made), password hidden', () => {
    expect(() => new SQLiteStore('postgres://me:secret@db.example:5432/runs'))
      .to.throw(HamiltonError, /new PostgresStore\(url\)/)
      .with.property('message')
      .that.includes('postgres://me@db.example:5432/runs')
      .and.not.includes('secret');
  });

  it('a RunTracker takes a postgres:// URL as its store and opens it only when it first writes', () => {
    expect(() => new RunTracker({ project: 'p', store: 'postgres://u@127.0.0.1:1/x' })).to.not.throw();
  });

  for (const missing of ['pg', 'synckit']) {
    it(`without ${missing} installed, opening a PostgreSQL store is a MissingPackageError naming ${missing}`, () => {
      const preload = path.join(__dirname, 'fixtures', 'without-package.js');
      const script = `
        const { PostgresStore } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'lib', 'index.js'))});
        try { new PostgresStore('postgres://u@127.0.0.1:1/x'); console.log('opened'); }
        catch (error) { console.log(error.constructor.name + ': ' + error.message); }`;
      const printed = execFileSync(process.execPath, ['--require', preload, '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, HAMILTON_HIDE_PACKAGE: missing },
      });
      expect(printed).to.match(new RegExp(`^MissingPackageError: .*${missing}`));
      expect(printed).to.include('PostgreSQL store');
    });
  }
});

import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataFrame, Series } from 'danfojs';
import { Redis } from 'ioredis';
import { Builder } from 'hamilton-ts';
import { runBatch } from '../../samples/ecommerce/batch.js';
import { PostgresClient } from '../../samples/ecommerce/clients/postgres-client.js';
import { dropTables, ensureSeeded } from '../../samples/ecommerce/clients/schema.js';
import { seedData } from '../../samples/ecommerce/clients/seed-data.js';
import type { SqlClient } from '../../samples/ecommerce/clients/sql-client.js';
import { SqliteClient } from '../../samples/ecommerce/clients/sqlite-client.js';
import { featureSets } from '../../samples/ecommerce/features/index.js';
import { SNAPSHOT_TIME } from '../../samples/ecommerce/records.js';
import { createStreamScorer } from '../../samples/ecommerce/streaming.js';
import { processStream } from '../../samples/ecommerce/streaming/process-stream.js';
import { publishSurveys, redisBatches, RedisStreamSink } from '../../samples/ecommerce/streaming/redis-stream.js';
import { serverUrl } from './servers.js';

const data = seedData();

/** Runs the batch loaders (config mode 'batch') and checks them against the generated shop data. */
async function expectLoadersToReadTheShop(db: SqlClient): Promise<void> {
  const dr = await new Builder()
    .withConfig({ mode: 'batch' })
    .withModules(...featureSets(db))
    .buildAsync();
  const out = (await dr.execute(['budget', 'age', 'gender', 'clientId', 'clientLoginData', 'lastLoggedIn', 'converted'])) as Record<
    string,
    Series
  > & {
    clientLoginData: DataFrame;
  };
  expect(out.clientId.values).to.deep.equal(data.surveys.map((s) => s.clientId));
  expect(out.budget.values).to.deep.equal(data.surveys.map((s) => s.budget));
  expect(out.age.values).to.deep.equal(data.surveys.map((s) => s.age));
  expect(out.gender.values).to.deep.equal(data.surveys.map((s) => s.gender));
  expect(out.clientLoginData.shape).to.deep.equal([data.logins.length, 2]);
  // The join: each training client's last login, as epoch ms, whichever way the database stores time.
  expect(out.lastLoggedIn.values).to.deep.equal(data.logins.slice(0, data.surveys.length).map((l) => l.lastLoggedIn.getTime()));
  expect(out.converted.values).to.deep.equal(data.conversions.map((c) => c.converted));
}

describe('samples/ecommerce sources against real servers', () => {
  let dir: string;
  let sqlite: SqliteClient;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ecommerce-sources-'));
    sqlite = new SqliteClient(path.join(dir, 'shop.sqlite'));
    await runBatch(sqlite, SNAPSHOT_TIME);
  });
  after(async () => {
    await sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('SQLite: the batch loaders read the seeded file', async () => {
    await expectLoadersToReadTheShop(sqlite);
    expect(await ensureSeeded(sqlite)).to.equal(false); // seeding happens once
  });

  describe('PostgreSQL', () => {
    let pg: PostgresClient;
    before(async () => {
      pg = new PostgresClient(serverUrl('HAMILTON_TEST_POSTGRES_URL'));
      await dropTables(pg);
    });
    after(async () => {
      if (!pg) return;
      await dropTables(pg);
      await pg.close();
    });

    it('the same loaders read the same shop from PostgreSQL', async () => {
      expect(await ensureSeeded(pg)).to.equal(true);
      await expectLoadersToReadTheShop(pg);
    });

    it('batch on PostgreSQL computes the same features and aggregates as on SQLite', async () => {
      const [fromPg, fromSqlite] = [await runBatch(pg, SNAPSHOT_TIME), await runBatch(sqlite, SNAPSHOT_TIME)];
      expect(fromPg.rows).to.deep.equal(fromSqlite.rows);
      expect(fromPg.aggregates).to.deep.equal(fromSqlite.aggregates);
      // Streaming lookups (key-value, TIMESTAMPTZ back as Date) agree with SQLite's ISO text too.
      const records = data.streamSurveys.slice(0, 10);
      const [a, b] = [
        await (await createStreamScorer(pg)).featurize(records, SNAPSHOT_TIME),
        await (await createStreamScorer(sqlite)).featurize(records, SNAPSHOT_TIME),
      ];
      expect(a).to.deep.equal(b);
      expect(a.every((row) => row.features.every(Number.isFinite))).to.equal(true);
    });
  });

  describe('Redis Streams consumer group', () => {
    let redis: Redis;
    const suffix = `${process.pid}-${Date.now()}`;
    const input = `spec-survey-events-${suffix}`;
    const output = `spec-survey-scores-${suffix}`;
    before(() => {
      redis = new Redis(serverUrl('HAMILTON_TEST_REDIS_URL'), { maxRetriesPerRequest: 1, lazyConnect: false });
    });
    after(async () => {
      if (!redis) return;
      await redis.del(input, output);
      redis.disconnect();
    });

    it('consumes events in micro-batches, writes one result each to the output stream, and acknowledges them', async () => {
      const records = data.streamSurveys.slice(0, 10);
      await publishSurveys(
        redis,
        [...records.slice(0, 5), '{broken', { clientId: 1, budget: 5, age: 3, gender: 'male' }, ...records.slice(5)],
        input,
      );
      const scorer = await createStreamScorer(sqlite);
      const batches = redisBatches(redis, { stream: input, group: 'spec', consumer: 'c1', batchSize: 4, blockMs: 100, untilIdle: true });
      const counts = await processStream(batches, scorer, new RedisStreamSink(redis, output), () => SNAPSHOT_TIME);
      expect(counts).to.deep.equal({ batches: 3, scored: 10, rejected: 2, failedBatches: 0 });

      const entries = (await redis.xrange(output, '-', '+')).map(([, fields]) => JSON.parse(fields[fields.indexOf('result') + 1]));
      expect(entries).to.have.length(12);
      const scored = entries.filter((e) => 'probability' in e);
      // Exactly what the streaming scorer gives for the same records from a file: the source changes nothing.
      const expected = await scorer.score(records, SNAPSHOT_TIME);
      expect(scored).to.deep.equal(JSON.parse(JSON.stringify(expected)));
      expect(entries.filter((e) => 'error' in e).map((e) => Object.keys(e.details))).to.deep.equal([['json'], ['age']]);
      const pending = (await redis.call('XPENDING', input, 'spec')) as unknown[];
      expect(Number(pending[0])).to.equal(0);
    });

    it('after a crash, a consumer first re-reads the entries it had received but not acknowledged', async () => {
      const stream = `${input}-crash`;
      try {
        const records = data.streamSurveys.slice(10, 16);
        await publishSurveys(redis, records, stream);
        // The first run takes a batch of 4 and "crashes" before acknowledging it.
        const first = redisBatches(redis, { stream, group: 'spec', consumer: 'worker', batchSize: 4, blockMs: 100, untilIdle: true });
        const taken = await first.next();
        expect(taken.done).to.equal(false);
        await first.return(undefined);
        // The restarted consumer (same name) gets those 4 back first, then the 2 it never saw.
        const seen: number[][] = [];
        for await (const batch of redisBatches(redis, { stream, group: 'spec', consumer: 'worker', batchSize: 4, blockMs: 100, untilIdle: true })) {
          seen.push(batch.records.map((r) => r.clientId));
          await batch.ack();
        }
        const ids = records.map((r) => r.clientId);
        expect(seen).to.deep.equal([ids.slice(0, 4), ids.slice(4)]);
      } finally {
        await redis.del(stream);
      }
    });
  });
});

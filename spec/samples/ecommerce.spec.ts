import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { runBatch, type BatchResult } from '../../samples/ecommerce/batch.js';
import { seedData } from '../../samples/ecommerce/clients/seed-data.js';
import { SqlClient } from '../../samples/ecommerce/clients/sql-client.js';
import { SqliteClient } from '../../samples/ecommerce/clients/sqlite-client.js';
import { TrainingStore } from '../../samples/ecommerce/clients/training-store.js';
import { FEATURE_COLUMNS, SNAPSHOT_TIME, type SurveyRecord } from '../../samples/ecommerce/records.js';
import { createService, listen } from '../../samples/ecommerce/realtime/create-app.js';
import { createStreamScorer, SHIPPED_EVENTS } from '../../samples/ecommerce/streaming.js';
import { jsonLineBatches, JsonLinesSink } from '../../samples/ecommerce/streaming/json-lines.js';
import { processStream } from '../../samples/ecommerce/streaming/process-stream.js';

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function predict(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** A database whose login lookups wait until released: makes a request outlive its deadline without timing. */
class StalledLogins extends SqlClient {
  readonly dialect;
  release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly inner: SqlClient) {
    super();
    this.dialect = inner.dialect;
  }
  async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (sql.includes('FROM client_logins WHERE')) await this.released;
    return this.inner.query<T>(sql, params);
  }
  execute(sql: string, params?: readonly unknown[]) {
    return this.inner.execute(sql, params);
  }
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) {
    return this.inner.insertMany(table, columns, rows);
  }
  async close() {}
}

describe('samples/ecommerce', () => {
  let dir: string;
  let db: SqliteClient;
  let batch: BatchResult;
  // Training clients spread over the table, in an order unlike the table's.
  const data = seedData();
  const picked: SurveyRecord[] = [7, 301, 2, 150, 99, 400, 1, 250, 42, 333, 18, 77, 260, 5, 123, 388, 64, 211, 190, 3].map((id) => data.surveys[id - 1]);

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ecommerce-spec-'));
    db = new SqliteClient(path.join(dir, 'shop.sqlite'));
    batch = await runBatch(db, SNAPSHOT_TIME);
  });
  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('batch featurizes every training client and stores the model and the aggregates it computed', async () => {
    expect(batch.seeded).to.equal(true);
    expect(batch.rows.map((r) => r.clientId)).to.deep.equal(data.surveys.map((s) => s.clientId));
    const ages = data.surveys.map((s) => s.age);
    const mean = ages.reduce((a, b) => a + b, 0) / ages.length;
    const std = Math.sqrt(ages.reduce((a, b) => a + (b - mean) ** 2, 0) / (ages.length - 1));
    expect(batch.aggregates.ageMean).to.be.closeTo(mean, 1e-9);
    expect(batch.aggregates.ageStddev).to.be.closeTo(std, 1e-9);
    expect(await new TrainingStore(db).aggregates()).to.deep.equal(batch.aggregates);
    // Client 1, by hand: (age - mean) / std, high roller, gender one-hot, days since the last login.
    const first = data.surveys[0];
    const login = data.logins[0].lastLoggedIn.getTime();
    expect(batch.rows[0].features).to.deep.equal([
      (first.age - batch.aggregates.ageMean) / batch.aggregates.ageStddev,
      first.budget > 1000 ? 1 : 0,
      first.gender === 'male' ? 1 : 0,
      first.gender === 'female' ? 1 : 0,
      (SNAPSHOT_TIME.getTime() - login) / 86_400_000,
    ]);
    // The model learned something: better than always answering the majority class.
    const positives = data.conversions.filter((c) => c.converted === 1).length / data.conversions.length;
    expect(batch.model.trainingAccuracy).to.be.greaterThan(Math.max(positives, 1 - positives));
  });

  it('no training/serving skew: batch, streaming and real time give identical feature vectors for the same records', async () => {
    const fromBatch = new Map(batch.rows.map((r) => [r.clientId, r.features]));
    const expected = picked.map((r) => fromBatch.get(r.clientId));

    const scorer = await createStreamScorer(db);
    const streamed: number[][] = [];
    // Micro-batches of 7: the stream sees the records in groups unlike the batch's one big frame.
    for (let i = 0; i < picked.length; i += 7) {
      for (const row of await scorer.featurize(picked.slice(i, i + 7), SNAPSHOT_TIME)) streamed.push([...row.features]);
    }

    const app = await createService({ db, asOf: SNAPSHOT_TIME }, false);
    const served: number[][] = [];
    const probabilities: number[] = [];
    try {
      const url = await listen(app);
      for (const record of picked) {
        const { status, json } = await predict(url, record);
        expect(status).to.equal(200);
        served.push(FEATURE_COLUMNS.map((name) => json.features[name]));
        probabilities.push(json.probability);
      }
    } finally {
      await app.close();
    }

    expect(streamed).to.deep.equal(expected);
    expect(served).to.deep.equal(expected);
    // And so the same scores: the streaming scorer and the service agree exactly.
    const scored = await scorer.score(picked, SNAPSHOT_TIME);
    expect(scored.map((s) => ('probability' in s ? s.probability : NaN))).to.deep.equal(probabilities);
  });

  it('streaming reads the stored aggregates instead of recomputing them', async () => {
    const training = new TrainingStore(db);
    await training.saveAggregates({ ageMean: 0, ageStddev: 1 });
    try {
      const rows = await (await createStreamScorer(db)).featurize(picked.slice(0, 3), SNAPSHOT_TIME);
      expect(rows.map((r) => r.features[0])).to.deep.equal(picked.slice(0, 3).map((r) => r.age));
    } finally {
      await training.saveAggregates(batch.aggregates);
    }
  });

  it('streams the shipped JSON lines in micro-batches; invalid lines become error results, not a crash', async () => {
    const shipped = readFileSync(SHIPPED_EVENTS, 'utf8').trim().split('\n');
    // The shipped file is the seed generator's stream clients, so their logins are in the database.
    expect(shipped.map((line) => JSON.parse(line))).to.deep.equal(data.streamSurveys);
    const input = [...shipped.slice(0, 5), 'not json', JSON.stringify({ clientId: 3, budget: -5, age: 40, gender: 'male' }), '', ...shipped.slice(5, 9)];
    const chunks: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _: string, done: () => void) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const counts = await processStream(jsonLineBatches(fromArray(input), 4), await createStreamScorer(db), new JsonLinesSink(out), () => SNAPSHOT_TIME);
    const results = chunks.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(counts).to.deep.equal({ batches: 3, scored: 9, rejected: 2, failedBatches: 0 });
    expect(results.filter((r) => 'probability' in r).map((r) => r.clientId)).to.deep.equal(data.streamSurveys.slice(0, 9).map((s) => s.clientId));
    const errors = results.filter((r) => 'error' in r);
    expect(errors.map((e) => e.error)).to.deep.equal(['invalid event (line 6)', 'invalid event (line 7)']);
    expect(errors[1].details).to.have.key('budget');
  });

  describe('the real-time service', () => {
    let app: INestApplication;
    let url: string;
    before(async () => {
      app = await createService({ db, asOf: SNAPSHOT_TIME }, false);
      url = await listen(app);
    });
    after(async () => app?.close());

    it('answers invalid bodies with 400 and the field errors', async () => {
      const { status, json } = await predict(url, { clientId: 'seven', budget: 10, age: 300, gender: 'robot', coupon: 'X' });
      expect(status).to.equal(400);
      expect(json.message).to.equal('Invalid request body');
      expect(Object.keys(json.errors).sort()).to.deep.equal(['age', 'clientId', 'coupon', 'gender']);
      expect(json.errors.age).to.deep.equal(['age must not be greater than 120']);
    });

    it('answers bodies that are not JSON objects with 400', async () => {
      expect((await predict(url, 'not json')).status).to.equal(400);
      expect((await predict(url, [1, 2])).status).to.equal(400);
      expect((await predict(url, 'null')).status).to.equal(400);
    });

    it('answers a client without login data with 422 naming the missing feature, and keeps serving', async () => {
      const { status, json } = await predict(url, { clientId: 99999, budget: 10, age: 30, gender: 'male' });
      expect(status).to.equal(422);
      expect(json.missing).to.deep.equal(['timeSinceLastLogin']);
      const ok = await predict(url, picked[0]);
      expect(ok.status).to.equal(200);
      expect(ok.json.clientId).to.equal(picked[0].clientId);
      expect(ok.json.probability).to.be.within(0, 1);
    });
  });

  it('answers 503 when the features miss the deadline (the run is aborted), then serves again', async () => {
    const stalled = new StalledLogins(db);
    const app = await createService({ db: stalled, asOf: SNAPSHOT_TIME, deadlineMs: 50 }, false);
    try {
      const url = await listen(app);
      const { status, json } = await predict(url, picked[0]);
      expect(status).to.equal(503);
      expect(json.message).to.match(/longer than 50 ms/);
      stalled.release();
      expect((await predict(url, picked[0])).status).to.equal(200);
    } finally {
      stalled.release();
      await app.close();
    }
  });

  it('refuses to start without a trained model, saying what to run', async () => {
    const empty = new SqliteClient(path.join(dir, 'empty.sqlite'));
    try {
      const error = await createService({ db: empty }, false).catch((e: unknown) => e);
      expect(String((error as Error).message)).to.match(/run the batch entry point first/);
    } finally {
      await empty.close();
    }
  });
});

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication, LoggerService } from '@nestjs/common';
import * as fc from 'fast-check';
import { runBatch, type BatchResult } from '../../samples/ecommerce/batch.js';
import { seedData } from '../../samples/ecommerce/clients/seed-data.js';
import { SqlClient } from '../../samples/ecommerce/clients/sql-client.js';
import { SqliteClient } from '../../samples/ecommerce/clients/sqlite-client.js';
import { TrainingStore } from '../../samples/ecommerce/clients/training-store.js';
import { FEATURE_COLUMNS, SNAPSHOT_TIME, type SurveyRecord } from '../../samples/ecommerce/records.js';
import { BODY_LIMITS, bodyProblem } from '../../samples/ecommerce/realtime/body-shape.pipe.js';
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

/** What the service logged, each call as one entry (a multi-line entry or a stack argument would show here). */
class RecordingLogger implements LoggerService {
  readonly entries: { level: string; text: string }[] = [];
  private record(level: string, message: unknown, rest: unknown[]): void {
    this.entries.push({ level, text: [message, ...rest].map(String).join(' | ') });
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }
  /** What the service logged at warn or error level since `mark`. */
  since(mark: number): { level: string; text: string }[] {
    return this.entries.slice(mark).filter((e) => e.level !== 'log');
  }
}

const nestedArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

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
  const picked: SurveyRecord[] = [7, 301, 2, 150, 99, 400, 1, 250, 42, 333, 18, 77, 260, 5, 123, 388, 64, 211, 190, 3].map(
    (id) => data.surveys[id - 1],
  );

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
    const input = [
      ...shipped.slice(0, 5),
      'not json',
      JSON.stringify({ clientId: 3, budget: -5, age: 40, gender: 'male' }),
      '',
      ...shipped.slice(5, 9),
    ];
    const chunks: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _: string, done: () => void) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const counts = await processStream(
      jsonLineBatches(fromArray(input), 4),
      await createStreamScorer(db),
      new JsonLinesSink(out),
      () => SNAPSHOT_TIME,
    );
    const results = chunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
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

  describe('the real-time service against hostile bodies, over HTTP', () => {
    let app: INestApplication;
    let url: string;
    const logger = new RecordingLogger();
    before(async () => {
      app = await createService({ db, asOf: SNAPSHOT_TIME }, logger);
      url = await listen(app);
    });
    after(async () => app?.close());

    /** Posts raw JSON text; the answer, and what the service logged for it. */
    async function hostile(text: string): Promise<{ status: number; json: any; logged: { level: string; text: string }[] }> {
      const mark = logger.entries.length;
      const { status, json } = await predict(url, text);
      return { status, json, logged: logger.since(mark) };
    }

    function expectOneLine(logged: { level: string; text: string }[], pattern: RegExp): void {
      expect(logged).to.have.length(1);
      expect(logged[0].level).to.equal('warn');
      expect(logged[0].text).to.match(pattern);
      expect(logged[0].text).not.to.contain('\n'); // one line, no stack
    }

    for (const [shape, levels, text] of [
      ['arrays', 2_000, nestedArrays(2_000)],
      ['arrays', 45_000, nestedArrays(45_000)],
      ['objects', 2_000, nestedObjects(2_000)],
      ['objects', 15_000, nestedObjects(15_000)],
    ] as const) {
      it(`answers a field nested ${levels} levels deep in ${shape} with 400, logging one line`, async () => {
        const { status, json, logged } = await hostile(`{"clientId":${text},"budget":10,"age":30,"gender":"male"}`);
        expect(status).to.equal(400);
        expect(json).to.deep.equal({
          statusCode: 400,
          message: 'Invalid request body',
          errors: { body: [`nested deeper than ${BODY_LIMITS.depth} levels`] },
        });
        expectOneLine(logged, /^400 rejected SurveyRecordDto body: nested deeper than 32 levels/);
      });
    }

    it('answers a body that is itself nested 20,000 levels with 400', async () => {
      const { status, logged } = await hostile(nestedArrays(20_000));
      expect(status).to.equal(400);
      expectOneLine(logged, /nested deeper/);
    });

    for (const key of ['__proto__', 'constructor', 'prototype']) {
      it(`answers a '${key}' key (prototype pollution) with 400, at the top or deep inside`, async () => {
        const payload = key === 'constructor' ? '{"prototype":{"polluted":true}}' : '{"polluted":true}';
        for (const text of [
          `{"${key}":${payload},"clientId":401,"budget":10,"age":30,"gender":"male"}`,
          `{"clientId":[{"x":{"${key}":${payload}}}],"budget":10,"age":30,"gender":"male"}`,
        ]) {
          const { status, json, logged } = await hostile(text);
          expect(status).to.equal(400);
          expect(json.errors.body[0]).to.match(/^key '(__proto__|constructor|prototype)' is not allowed$/);
          expectOneLine(logged, /is not allowed/);
        }
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      });
    }

    it('answers a huge array within the size limit with 400, and one past it with 413, each logging one line', async () => {
      const within = await hostile(`{"clientId":[${new Array(30_000).fill(7).join(',')}],"budget":10,"age":30,"gender":"male"}`);
      expect(within.status).to.equal(400);
      expect(within.json.errors.body).to.deep.equal([`more than ${BODY_LIMITS.values} values`]);
      expectOneLine(within.logged, /more than 1000 values/);
      const past = await hostile(`{"clientId":[${new Array(300_000).fill(7).join(',')}],"budget":10,"age":30,"gender":"male"}`);
      expect(past.status).to.equal(413);
      expect(past.json).to.deep.equal({ statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' });
      expectOneLine(past.logged, /^413 POST \/predict: request entity too large\b/);
    });

    it('answers wrong types with 400 and the field errors, logging nothing (an ordinary bad request)', async () => {
      const { status, json, logged } = await hostile('{"clientId":"401","budget":[1],"age":{"years":30},"gender":false}');
      expect(status).to.equal(400);
      expect(Object.keys(json.errors).sort()).to.deep.equal(['age', 'budget', 'clientId', 'gender']);
      expect(logged).to.deep.equal([]);
    });

    it('any JSON body (fast-check: random values, nesting up to 5,000 levels) is a 200, 400 or 422, never a 5xx, and the service keeps serving', async function () {
      this.timeout(120_000);
      // Bodies as JSON text, so that fast-check's report of a failure never walks a deep value itself.
      const deep = fc.integer({ min: 0, max: 5_000 }).map((levels) => (levels % 2 ? nestedArrays(levels) : nestedObjects(levels)));
      const field = fc.oneof(
        fc.jsonValue({ maxDepth: 60 }).map((v) => JSON.stringify(v)),
        deep,
        fc.integer({ min: 1, max: 450 }).map(String),
        fc.constantFrom('"male"', '"female"', '"other"'),
      );
      const key = fc.constantFrom('clientId', 'budget', 'age', 'gender', '__proto__', 'constructor', 'x');
      const object = (entries: [string, string][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 60 }).map((v) => JSON.stringify(v)),
        fc.tuple(field, field, field, field).map(([c, b, a, g]) =>
          object([
            ['clientId', c],
            ['budget', b],
            ['age', a],
            ['gender', g],
          ]),
        ),
        fc.array(fc.tuple(key, field), { maxLength: 8 }).map(object),
      );
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          const { status, logged } = await hostile(text);
          expect([200, 400, 422], `${status} for ${text.slice(0, 200)}`).to.include(status);
          expect(logged.filter((e) => e.level === 'error')).to.deep.equal([]);
        }),
        { numRuns: 150 },
      );
      expect((await predict(url, picked[0])).status).to.equal(200);
    });

    it('bodyProblem walks any depth without recursion, and lets every honest body through', () => {
      expect(bodyProblem(JSON.parse(nestedArrays(45_000)))).to.equal('nested deeper than 32 levels');
      expect(bodyProblem(picked[0])).to.equal(undefined);
      expect(bodyProblem({ a: [[[{ b: 'c' }]]] })).to.equal(undefined);
      expect(bodyProblem(JSON.parse('{"__proto__":1}'))).to.equal("key '__proto__' is not allowed");
    });
  });

  it('answers a failing feature (the database is down) with a bare 500, the node named in the log only', async () => {
    const down = new StalledLogins(db);
    down.query = async <T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> => {
      if (sql.includes('FROM client_logins WHERE')) throw new Error('connection refused');
      return db.query<T>(sql, params);
    };
    const logger = new RecordingLogger();
    const app = await createService({ db: down, asOf: SNAPSHOT_TIME }, logger);
    try {
      const url = await listen(app);
      const { status, json } = await predict(url, picked[0]);
      expect(status).to.equal(500);
      expect(json).to.deep.equal({ statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' });
      const errors = logger.since(0).filter((e) => e.level === 'error');
      expect(errors).to.have.length(1);
      expect(errors[0].text).to.match(
        /^500 NodeExecutionError: Node 'lastLoggedIn' \(LoginFeatures\.lastLoggedIn__lookup\) failed: Error: connection refused/,
      );
    } finally {
      await app.close();
    }
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

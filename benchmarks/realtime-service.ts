/**
 * The ecommerce sample's real-time service under load: `POST /predict` with one survey record, served by the
 * sample's Nest app (HamiltonModule, AsyncDriver, config mode 'realtime'), against a hand-written Nest
 * handler (`POST /predict-direct`) that calls the same feature methods in order, in the same server
 * process, in the same run. The server runs in a child process (one core), the load (autocannon) in this one.
 * Exits non-zero (throws) if the two endpoints disagree on a prediction or any request fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { runBatch } from '../samples/ecommerce/batch.js';
import { SqliteClient } from '../samples/ecommerce/clients/sqlite-client.js';
import { AgeAggregates, DataSets, FEATURE_SETS, LoginFeatures, MapFeatures, SurveyLoaders } from '../samples/ecommerce/features/index.js';
import { ConversionModel } from '../samples/ecommerce/model/conversion-model.js';
import { SNAPSHOT_TIME } from '../samples/ecommerce/records.js';
import { EcommerceServiceModule } from '../samples/ecommerce/realtime/app.module.js';
import { Clock } from '../samples/ecommerce/realtime/clock.js';
import { validationPipe } from '../samples/ecommerce/realtime/create-app.js';
import type { PredictResponse } from '../samples/ecommerce/realtime/predict.controller.js';
import { namedFeatures } from '../samples/ecommerce/streaming/scorer.js';
import { SurveyRecordDto } from '../samples/ecommerce/survey-record.dto.js';
import { featureRows } from '../samples/ecommerce/vectors.js';
import { fixed, median, printTable } from './report.js';

/** The hand-written baseline: the same feature methods, called in order, no driver. */
@Controller()
class DirectPredictController {
  constructor(
    private readonly loaders: SurveyLoaders,
    private readonly map: MapFeatures,
    private readonly logins: LoginFeatures,
    private readonly aggregates: AgeAggregates,
    private readonly sets: DataSets,
    private readonly model: ConversionModel,
    private readonly clock: Clock,
  ) {}

  @Post('predict-direct')
  @HttpCode(200)
  async predict(@Body() body: SurveyRecordDto): Promise<PredictResponse> {
    const frame = this.loaders.surveyResults__realtime({ clientId: body.clientId, budget: body.budget, age: body.age, gender: body.gender });
    const [budget, age, gender, clientId] = ['budget', 'age', 'gender', 'clientId'].map((c) => frame.column(c));
    const [lastLoggedIn, ageMean, ageStddev] = await Promise.all([
      this.logins.lastLoggedIn__lookup(clientId),
      this.aggregates.ageMean__stored(),
      this.aggregates.ageStddev__stored(),
    ]);
    const featureSetV1 = this.sets.featureSetV1(
      this.aggregates.ageNormalized(age, ageMean, ageStddev),
      this.map.isHighRoller(budget),
      this.map.isMale(gender),
      this.map.isFemale(gender),
      this.logins.timeSinceLastLogin(this.clock.now(), lastLoggedIn),
    );
    const [row] = featureRows(clientId, featureSetV1);
    const [prediction] = this.model.predict([row.features]);
    return { clientId: row.clientId, converted: prediction.converted, probability: prediction.probability, features: namedFeatures(row) };
  }
}

/** One Nest app over the shared database: the sample's /predict (with this deadline) and the hand-written handler. */
async function startApp(db: SqliteClient, deadlineMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  @Module({
    imports: [EcommerceServiceModule.register({ db, asOf: SNAPSHOT_TIME, deadlineMs })],
    controllers: [DirectPredictController],
    providers: [...FEATURE_SETS],
  })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: false, abortOnError: false });
  app.useGlobalPipes(validationPipe());
  await app.listen(0, '127.0.0.1');
  return { port: ((app.getHttpServer() as Server).address() as AddressInfo).port, close: () => app.close() };
}

/** The child process: the app as shipped (2 s deadline) and one without a deadline; reports their ports over IPC. */
async function serve(dataDir: string): Promise<void> {
  const db = new SqliteClient(path.join(dataDir, 'shop.sqlite'));
  const [shipped, bare] = [await startApp(db, 2000), await startApp(db, 0)];
  process.send!({ shipped: shipped.port, bare: bare.port });
  process.on('disconnect', () => void Promise.all([shipped.close(), bare.close()]).then(() => db.close()));
}

interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function load(url: string, seconds: number, connections: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(RECORD),
    connections,
    duration: seconds,
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`realtime service: ${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** A stream client's survey answer (its login is in the database). */
const RECORD = { clientId: 401, budget: 1123.47, age: 35, gender: 'female' };

async function post(url: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(RECORD) });
  if (response.status !== 200) throw new Error(`realtime service: ${url} answered ${response.status}`);
  return response.json();
}

/** Trains the sample's model, starts the server child, loads both endpoints alternately and prints the table. */
export async function runRealtimeService(quick: boolean): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ecommerce-'));
  let child: ChildProcess | undefined;
  try {
    // The child loads its modules (Nest, danfo) while this process trains the model on the other core.
    child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const listening = new Promise<{ shipped: number; bare: number }>((resolve, reject) => {
      child!.once('message', (m: { shipped: number; bare: number }) => resolve(m));
      child!.once('exit', (code) => reject(new Error(`realtime service: the server exited (${code}) before listening`)));
    });
    const db = new SqliteClient(path.join(dataDir, 'shop.sqlite'));
    await runBatch(db, SNAPSHOT_TIME).finally(() => db.close());
    child.send({ dataDir });
    const ports = await listening;
    const endpoints = {
      deadline: `http://127.0.0.1:${ports.shipped}/predict`,
      hamilton: `http://127.0.0.1:${ports.bare}/predict`,
      direct: `http://127.0.0.1:${ports.bare}/predict-direct`,
    };
    const answers = await Promise.all(Object.values(endpoints).map(post));
    for (const answer of answers) {
      if (JSON.stringify(answer) !== JSON.stringify(answers[0])) {
        throw new Error(`realtime service: the endpoints disagree: ${answers.map((a) => JSON.stringify(a)).join(' vs ')}`);
      }
    }

    const connections = 10;
    const seconds = quick ? 0.5 : 5;
    const rounds = quick ? 1 : 3;
    const names = Object.keys(endpoints) as (keyof typeof endpoints)[];
    // Warm-up (JIT, connection pools), then rounds in a rotating order so drift affects every side alike.
    for (const name of names) await load(endpoints[name], quick ? 0.3 : 2, connections);
    const runs: Record<keyof typeof endpoints, LoadFigures[]> = { deadline: [], hamilton: [], direct: [] };
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        runs[name].push(await load(endpoints[name], seconds, connections));
      }
    }
    const summary = (list: LoadFigures[]) => ({
      rps: median(list.map((f) => f.requestsPerSecond)),
      p50: median(list.map((f) => f.p50)),
      p99: median(list.map((f) => f.p99)),
    });
    const direct = summary(runs.direct);
    const row = (label: string, f: ReturnType<typeof summary>) => [
      label,
      fixed(f.rps, 0),
      fixed(f.p50, 1),
      fixed(f.p99, 1),
      `${fixed((100 * f.rps) / direct.rps, 1)}%`,
    ];
    printTable(
      `Real-time service: POST one record, ${connections} connections, ${rounds} x ${seconds} s per handler (median of rounds)`,
      ['handler', 'req/s', 'p50 ms', 'p99 ms', 'vs hand-written'],
      [
        row('/predict, HamiltonModule + AsyncDriver, no deadline', summary(runs.hamilton)),
        row('/predict, as shipped: 2 s deadline (abort signal)', summary(runs.deadline)),
        row('/predict-direct, hand-written, no deadline', direct),
      ],
      [
        'One server process (Nest, express, SQLite lookups, same feature methods); autocannon in this process.',
        'Target: /predict >= 80% of the hand-written throughput (like for like: no deadline).',
      ],
    );
  } finally {
    child?.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === '--serve') {
  // Modules are loaded by now; serve once the parent says the model is trained.
  process.once('message', (m: { dataDir: string }) => {
    serve(m.dataDir).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  });
}

import { describeDatabase, openDatabase } from './clients/open-database.js';
import { printBatch, runBatch } from './batch.js';
import { executionTimeOf, parseOptions } from './options.js';
import { createService, listen } from './realtime/create-app.js';
import type { ScoredEvent, ScoreSink } from './streaming/events.js';
import { createStreamScorer, SHIPPED_EVENTS, streamJsonLines } from './streaming.js';

/** Keeps what the stream emitted, to print a summary instead of every line. */
class CollectingSink implements ScoreSink {
  readonly events: ScoredEvent[] = [];
  async write(events: readonly ScoredEvent[]): Promise<void> {
    this.events.push(...events);
  }
}

/**
 * The three modes in one go (what CI runs): batch trains on the database, a short streaming pass scores the
 * shipped survey events, then the real-time service starts on a free loopback port and answers one request.
 */
async function main(): Promise<void> {
  const options = parseOptions();
  const executionTime = executionTimeOf(options.asOf);
  const db = openDatabase(options);
  try {
    console.log("== batch (config { mode: 'batch' })");
    printBatch(await runBatch(db, executionTime), describeDatabase(options));

    console.log("\n== streaming (config { mode: 'streaming' }), micro-batches of the shipped JSON lines");
    const sink = new CollectingSink();
    const counts = await streamJsonLines(await createStreamScorer(db), options.input ?? SHIPPED_EVENTS, options.batchSize, sink, () => executionTime);
    console.log(`streaming: ${counts.scored} events scored in ${counts.batches} micro-batches, ${counts.rejected} rejected; first three:`);
    for (const event of sink.events.slice(0, 3)) console.log(`  ${JSON.stringify(event)}`);
    if (counts.scored === 0 || counts.failedBatches > 0) throw new Error('the streaming pass scored nothing');

    console.log("\n== real time (NestJS, HamiltonModule with config { mode: 'realtime' })");
    const app = await createService({ db, asOf: executionTime });
    try {
      const url = await listen(app, 0, '127.0.0.1');
      const record = { clientId: 401, budget: 1123.47, age: 35, gender: 'female' };
      const response = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      const body: unknown = await response.json();
      console.log(`POST ${url}/predict ${JSON.stringify(record)}\n  -> ${response.status} ${JSON.stringify(body)}`);
      if (response.status !== 200) throw new Error(`the service answered ${response.status}`);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

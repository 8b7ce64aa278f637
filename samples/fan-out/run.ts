import { createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Builder, ProgressBar } from 'hamilton-ts';
import { SensorFile } from './features.js';

/** Writes `rows` readings (a slow sine with noise and a few spikes), one per line. */
async function writeReadings(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < rows; i++) {
    const spike = random() < 0.001 ? 40 : 0;
    const line = `${(Math.sin(i / 5000) * 10 + (random() - 0.5) * 4 + spike).toFixed(4)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs the summary over a file of `rows` readings; returns it with the run's time and peak heap growth. */
async function summarise(rows: number, progress: boolean) {
  const path = join(tmpdir(), `hamilton-fan-out-${process.pid}-${rows}.txt`);
  await writeReadings(path, rows);
  const fileMb = statSync(path).size / 2 ** 20;
  try {
    const builder = new Builder().withModules(SensorFile);
    const dr = await (progress ? builder.withAdapters(new ProgressBar(process.stderr)) : builder).buildAsync();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
    const started = performance.now();
    const { summary } = await dr.execute(['summary'], { inputs: { path, batchSize: 50_000, threshold: 25 } });
    clearInterval(sampler);
    return { summary, fileMb, seconds: (performance.now() - started) / 1000, heapMb: (peak - before) / 2 ** 20 };
  } finally {
    rmSync(path, { force: true });
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const small = await summarise(rows, true);
  console.log(small.summary);
  // The same run over a file four times larger: the heap grows by about as much, since only the batches in
  // flight (at most 4 x 50,000 readings) and each batch's small summary are held.
  const large = await summarise(rows * 4, false);
  for (const [n, run] of [
    [rows, small],
    [rows * 4, large],
  ] as const) {
    console.log(
      `${n.toLocaleString('en')} readings (${run.fileMb.toFixed(1)} MB file), ${run.summary.batches} batches: ` +
        `${run.seconds.toFixed(2)} s, heap grew by at most ${run.heapMb.toFixed(1)} MB while running`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

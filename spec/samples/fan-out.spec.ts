import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, parallelizable } from 'hamilton-ts';
import { SensorFile, type BatchStats } from '../../samples/fan-out/features.js';

describe('samples/fan-out', () => {
  let folder: string;
  before(() => (folder = mkdtempSync(join(tmpdir(), 'hamilton-fan-out-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('summarises the file in mini-batches as a direct pass over every reading does', async () => {
    const readings = Array.from({ length: 1003 }, (_, i) => Math.round(Math.sin(i) * 3000) / 100 + (i % 97 === 0 ? 40 : 0));
    const path = join(folder, 'readings.txt');
    writeFileSync(path, `${readings.join('\n')}\n`);
    const dr = await new Builder().withModules(SensorFile).buildAsync();
    const { summary } = await dr.execute(['summary'], { inputs: { path, batchSize: 100, threshold: 25 } });
    expect(summary.batches).to.equal(11);
    expect(summary.rows).to.equal(readings.length);
    expect(summary.mean).to.be.closeTo(readings.reduce((a, b) => a + b, 0) / readings.length, 1e-9);
    expect(summary.min).to.equal(Math.min(...readings));
    expect(summary.max).to.equal(Math.max(...readings));
    expect(summary.anomalyShare).to.equal(readings.filter((r) => Math.abs(r) > 25).length / readings.length);
  });

  it('never holds more than four batches: the generator is pulled only as slots free up', async () => {
    let pulled = 0;
    let done = 0;
    let mostHeld = 0;
    class Watched extends SensorFile {
      @parallelizable({ concurrency: 4 })
      override async *batches(path: string, batchSize: number): AsyncIterable<Float64Array> {
        for await (const batch of super.batches(path, batchSize)) {
          pulled++;
          mostHeld = Math.max(mostHeld, pulled - done);
          yield batch;
        }
      }
      // Slow, async batches (the AsyncDriver awaits the promise), so several are in flight at once.
      override batchStats(batches: Float64Array, threshold: number): BatchStats {
        const slow = new Promise<BatchStats>((resolve) =>
          setTimeout(() => {
            done++;
            resolve(super.batchStats(batches, threshold));
          }, 2),
        );
        return slow as unknown as BatchStats;
      }
    }
    const path = join(folder, 'many.txt');
    writeFileSync(path, Array.from({ length: 3000 }, (_, i) => String(i)).join('\n'));
    const dr = await new Builder().withModules(Watched).buildAsync();
    const { summary } = await dr.execute(['summary'], { inputs: { path, batchSize: 100, threshold: 1e9 } });
    expect(summary.batches).to.equal(30);
    expect(summary.rows).to.equal(3000);
    expect(mostHeld).to.be.within(2, 4);
  });
});

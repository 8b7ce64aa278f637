import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runColumnar, SHIPPED_ACTUALS } from './pipeline.js';

// Usage: node dist/samples/spend-forecast-columnar/run.js [actuals.csv] [features.parquet]
const actualsPath = process.argv[2] ?? SHIPPED_ACTUALS;
const parquetPath = process.argv[3] ?? path.join(tmpdir(), 'hamilton-ts-samples', 'spend-features.parquet');
mkdirSync(path.dirname(parquetPath), { recursive: true });

const { features, saved, readBack } = runColumnar(actualsPath, parquetPath);
console.log(`${features.numRows} weeks x ${features.numCols} columns, the first five (rounded for display):`);
for (const row of features.slice(0, 5).toArray() as { toJSON(): Record<string, number> }[]) {
  const cells = Object.entries(row.toJSON()).map(([name, value]) => `${name}=${Number.isNaN(value) ? 'NaN' : +value.toFixed(2)}`);
  console.log(`  ${cells.join(' ')}`);
}
// The content hash names its algorithm (`xxh3-128:<hex>`, or `sha256:<hex>` without @node-rs/xxhash).
const [algorithm, digest] = String(saved.contentHash).split(':');
console.log(`\nWrote ${saved.uri}: ${saved.rows} rows, ${saved.bytes} bytes, ${algorithm} ${(digest ?? '').slice(0, 12)}...`);
console.log(`Read back ${readBack.numRows} rows; columns: ${readBack.schema.fields.map((f) => `${f.name}:${String(f.type)}`).join(', ')}`);

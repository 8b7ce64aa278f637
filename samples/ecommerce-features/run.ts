import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataFrame } from 'danfojs';
import { Builder } from 'hamilton-ts';
import { openDatabase } from '../ecommerce/clients/open-database.js';
import { ensureSeeded } from '../ecommerce/clients/schema.js';
import { featureSets } from '../ecommerce/features/index.js';
import { SNAPSHOT_TIME } from '../ecommerce/records.js';
import { piiSources } from './lineage.js';

/**
 * The first talk's batch features, and lineage as code over them: which features are computed from
 * personal data? The feature classes are samples/ecommerce's (the same code serves streaming and real time);
 * here they read the survey and login tables of a SQLite file seeded with the data shipped with that sample.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hamilton-ecommerce-features-'));
  const db = openDatabase({ dataDir });
  try {
    await ensureSeeded(db);
    const dr = await new Builder()
      .withConfig({ mode: 'batch' })
      .withModules(...featureSets(db))
      .buildAsync();

    const { featureSetV1 } = (await dr.execute(['featureSetV1'], { inputs: { executionTime: SNAPSHOT_TIME } })) as { featureSetV1: DataFrame };
    console.log(`featureSetV1: ${featureSetV1.shape[0]} clients x ${featureSetV1.shape[1]} features; the first five:`);
    featureSetV1.head(5).round(3).print();

    const pii = dr.listAvailableVariables({ tags: { pii: 'true' } }).map((v) => v.name);
    console.log(`\nColumns tagged pii: ${pii.join(', ')}`);
    console.log('Which features of featureSetV1 are computed from them (lineage from the code alone):');
    for (const [feature, sources] of Object.entries(piiSources(dr, featureSetV1.columns))) {
      console.log(`  ${feature.padEnd(20)} ${sources.length > 0 ? `carries pii (from ${sources.join(', ')})` : 'no pii'}`);
    }
    const owners = dr.listAvailableVariables({ tags: { owner: null } });
    console.log(`\nOwners: ${[...new Set(owners.map((v) => String(v.tags.owner)))].join(', ')} (${owners.length} tagged nodes)`);
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

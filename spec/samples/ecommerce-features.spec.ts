import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Builder } from 'hamilton-ts';
import { openDatabase } from '../../samples/ecommerce/clients/open-database.js';
import { featureSets } from '../../samples/ecommerce/features/index.js';
import { piiSources } from '../../samples/ecommerce-features/lineage.js';

describe('samples/ecommerce-features', () => {
  it('finds which batch features are computed from personal data, from the code alone', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecommerce-features-spec-'));
    const db = openDatabase({ dataDir });
    try {
      const dr = new Builder()
        .withConfig({ mode: 'batch' })
        .withModules(...featureSets(db))
        .build();
      const features = ['ageNormalized', 'isHighRoller', 'isMale', 'isFemale', 'timeSinceLastLogin', 'featureSetV1'];
      expect(piiSources(dr, features)).to.deep.equal({
        ageNormalized: ['age'],
        isHighRoller: [],
        isMale: ['gender'],
        isFemale: ['gender'],
        timeSinceLastLogin: ['clientId'],
        featureSetV1: ['age', 'gender', 'clientId'],
      });
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

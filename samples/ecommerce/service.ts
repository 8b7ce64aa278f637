import { describeDatabase } from './clients/open-database.js';
import { parseOptions } from './options.js';
import { createService, listen } from './realtime/create-app.js';

/** Real time: `POST /predict` with one survey answer, e.g. {"clientId":401,"budget":1200,"age":35,"gender":"female"}. */
async function main(): Promise<void> {
  const options = parseOptions();
  const app = await createService({ ...options, asOf: options.asOf === 'now' ? undefined : options.asOf });
  const url = await listen(app, options.port, options.host);
  console.log(`service: POST ${url}/predict (features with config { mode: 'realtime' } against ${describeDatabase(options)}); Ctrl-C stops`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

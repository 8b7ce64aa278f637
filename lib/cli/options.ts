import { readFileSync } from 'node:fs';
import { Messages } from '../constants/messages.js';
import { CliUsageError } from './errors.js';

/**
 * `--config k=v` pairs as a config object. A value that parses as JSON is used as such (`window=4` is the
 * number 4, `debug=true` a boolean, `tags=["a"]` an array); anything else is a string (`region=eu`).
 */
export function parseConfig(pairs: readonly string[] = []): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const pair of pairs) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new CliUsageError(Messages.cli.badConfigPair(pair));
    const raw = pair.slice(cut + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    config[pair.slice(0, cut)] = value;
  }
  return config;
}

/** `a,b c` (commas and/or separate words) as a list of names. */
export function parseNames(values: readonly string[] | string | undefined): string[] {
  const list = typeof values === 'string' ? [values] : (values ?? []);
  return list
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** A JSON file holding an object (the `inputs` of a run). */
export function readJsonObject(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(Messages.cli.badInputs(file, (error as Error).message), { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliUsageError(Messages.cli.badInputs(file, `it holds ${Array.isArray(parsed) ? 'an array' : String(parsed)}`));
  }
  return parsed as Record<string, unknown>;
}

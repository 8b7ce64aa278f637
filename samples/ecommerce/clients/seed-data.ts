import { SNAPSHOT_TIME, type SurveyRecord } from '../records.js';

/** Clients 1..TRAINING_CLIENTS answered the survey before the snapshot: they are the training set. */
export const TRAINING_CLIENTS = 400;
/** Clients after those have logins but their surveys arrive later, on the stream (the shipped JSON lines). */
export const STREAM_CLIENTS = 40;

export interface LoginRow {
  readonly clientId: number;
  readonly lastLoggedIn: Date;
}

export interface SeedData {
  readonly surveys: readonly SurveyRecord[];
  readonly logins: readonly LoginRow[];
  /** Whether each training client bought within 30 days (the label). */
  readonly conversions: readonly { readonly clientId: number; readonly converted: number }[];
  /** The survey answers of the stream clients, in arrival order. */
  readonly streamSurveys: readonly SurveyRecord[];
}

/** mulberry32: a small seeded generator, so every run (and the shipped JSON lines) sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

/** The sample's shop: survey answers, last logins and conversions, generated the same way every time. */
export function seedData(seed = 7): SeedData {
  const rand = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const surveys: SurveyRecord[] = [];
  const logins: LoginRow[] = [];
  const conversions: { clientId: number; converted: number }[] = [];
  for (let clientId = 1; clientId <= TRAINING_CLIENTS + STREAM_CLIENTS; clientId++) {
    const u = rand();
    const gender = u < 0.48 ? 'male' : u < 0.96 ? 'female' : 'other';
    const age = Math.min(80, Math.max(18, Math.round(38 + 12 * normal())));
    const budget = Math.round(Math.exp(6.4 + 0.8 * normal()) * 100) / 100;
    // Minutes since the last login: most clients came back within days, some have drifted away.
    const minutes = Math.round(-Math.log(1 - rand()) * 10 * 24 * 60);
    const days = minutes / (24 * 60);
    surveys.push({ clientId, budget, age, gender });
    logins.push({ clientId, lastLoggedIn: new Date(SNAPSHOT_TIME.getTime() - days * DAY_MS) });
    const score = -0.8 + 1.6 * (budget > 1000 ? 1 : 0) - 0.12 * days + 0.03 * (age - 38) + 0.4 * (gender === 'female' ? 1 : 0);
    conversions.push({ clientId, converted: rand() < 1 / (1 + Math.exp(-score)) ? 1 : 0 });
  }
  return {
    surveys: surveys.slice(0, TRAINING_CLIENTS),
    logins,
    conversions: conversions.slice(0, TRAINING_CLIENTS),
    streamSurveys: surveys.slice(TRAINING_CLIENTS),
  };
}

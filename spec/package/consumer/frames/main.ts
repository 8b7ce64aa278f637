/** Runs in a fresh project with hamilton-ts and danfojs (spec/package/): prints the Driver's frame as JSON. */
import { Driver } from 'hamilton-ts';
import { Spend } from './features.js';

const dr = new Driver({}, Spend);
const frame = dr.execute(['spend', 'signups', 'spendPerSignup'], { inputs: { spendValues: [10, 20, 30], signupValues: [1, 4, 5] } });
console.log(JSON.stringify({ type: frame.constructor.name, columns: frame.columns, rows: frame.values }));

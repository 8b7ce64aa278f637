import { Series } from 'danfojs';
import { Driver } from 'hamilton-ts';
import { HelloWorld } from './features.js';

const dr = new Driver({}, HelloWorld);
const df = dr.execute(['a', 'b', 'c', 'd'], { inputs: { input: new Series([1, 2, 3, 4, 5]) } });
df.print();

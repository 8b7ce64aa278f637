// The README's "Use it in your project" run step, word for word (spec/package/ runs it in a fresh project).
import { Builder } from 'hamilton-ts';
import { Pricing } from './features.js';

const dr = new Builder().withModules(Pricing).build(); // results as a plain object (DictResult)
console.log(dr.execute(['gross', 'rounded'], { inputs: { net: 10, taxRate: 0.2 } }));
console.log(dr.displayAllFunctions()); // the graph as Graphviz DOT text

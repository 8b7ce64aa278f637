import { makeVector, Table, tableFromArrays, vectorFromArray, Vector } from 'apache-arrow';
import { expect } from 'chai';
import { runInNewContext } from 'node:vm';
import {
  Builder,
  checkOutput,
  DataValidationError,
  extractColumns,
  HamiltonError,
  InvalidDecoratorError,
  node,
  TypeMismatchError,
  type FeatureSet,
} from 'hamilton-ts';
import { describeValue, typesMatch, valueMatchesType, type NodeType } from '../../lib/metadata/value-types.js';
import { BUILT_IN_CHECKS } from '../../lib/validation/checks/index.js';
import { kindOfType, kindOfValue } from '../../lib/validation/kinds.js';
import type { ValidationResult } from '../../lib/validation/types.js';

const driver = (...modules: FeatureSet[]) => new Builder().withModules(...modules).build();

/** Runs a built-in check the way its validator node does. */
function check(name: string, arg: unknown, value: unknown): ValidationResult {
  return BUILT_IN_CHECKS.get(name)!.validate(value, kindOfValue(value), arg as never);
}

/** apache-arrow's ES module build: classes other than the CommonJS build's that hamilton-ts requires. */
const esmArrow = () => import('apache-arrow');

describe('io/columnar nodes: typed arrays and Arrow vectors and tables as node types', () => {
  describe('edge and input type checks', () => {
    class Columns {
      @node()
      doubled(spend: Float64Array): Float64Array {
        return spend.map((v) => v * 2);
      }
      @node()
      total(doubled: Float64Array): number {
        return doubled.reduce((a, b) => a + b, 0);
      }
      @node()
      asVector(doubled: Float64Array): Vector {
        return makeVector(doubled);
      }
      @node()
      vectorSum(asVector: Vector): number {
        let sum = 0;
        for (const v of asVector) sum += v as number;
        return sum;
      }
    }

    it('runs Float64Array and Arrow Vector edges, and checks inputs against them', () => {
      const dr = driver(Columns);
      const result = dr.execute(['total', 'vectorSum'], { inputs: { spend: new Float64Array([1, 2, 3]) } });
      expect(result).to.deep.equal({ total: 12, vectorSum: 12 });
      expect(() => dr.execute(['total'], { inputs: { spend: [1, 2, 3] } })).to.throw(TypeMismatchError, /spend.*Float64Array.*Array\(3\)/s);
      expect(() => dr.execute(['total'], { inputs: { spend: new Float32Array(3) } })).to.throw(TypeMismatchError, /Float32Array\(3\)/);
    });

    it('refuses a Float32Array producer feeding a Float64Array parameter when the graph is built', () => {
      class Mismatch {
        @node()
        spend(): Float32Array {
          return new Float32Array(2);
        }
        @node()
        total(spend: Float64Array): number {
          return spend.length;
        }
      }
      expect(() => driver(Mismatch)).to.throw(TypeMismatchError, /spend.*Float64Array.*Float32Array/s);
    });

    it('accepts Arrow classes and values from the other build of apache-arrow (dual package)', async () => {
      const esm = await esmArrow();
      expect(esm.Vector).not.to.equal(Vector);
      expect(typesMatch(esm.Vector, Vector)).to.equal(true);
      expect(typesMatch(Vector, esm.Table)).to.equal(false);
      expect(valueMatchesType(esm.Table, tableFromArrays({ a: new Float64Array(2) }))).to.equal(true);
      expect(valueMatchesType(esm.Vector, tableFromArrays({ a: new Float64Array(2) }))).to.equal(false);
      expect(valueMatchesType(Vector, new Float64Array(2))).to.equal(false);
      class Reader {
        @node()
        width(column: { length: number }): number {
          return column.length;
        }
      }
      // As if Reader's module had imported Vector from the ES module build.
      Reflect.defineMetadata('design:paramtypes', [esm.Vector], Reader.prototype, 'width');
      class Producer {
        @node()
        column(): Vector {
          return makeVector(new Int32Array([1, 2]));
        }
      }
      expect(driver(Reader, Producer).execute(['width']).width).to.equal(2);
    });

    it('accepts a typed array made in another realm (a vm context), which instanceof refuses', () => {
      const foreign: unknown = runInNewContext('new Float64Array([1, 2])');
      expect(foreign instanceof Float64Array).to.equal(false);
      expect(valueMatchesType(Float64Array, foreign)).to.equal(true);
      expect(valueMatchesType(Int32Array, foreign)).to.equal(false);
      expect(driver(Columns).execute(['total'], { inputs: { spend: foreign } }).total).to.equal(6);
    });

    it('describes typed arrays, vectors and tables with their sizes', () => {
      expect(describeValue(new Float64Array(4))).to.equal('Float64Array(4)');
      expect(describeValue(makeVector(new Int32Array(3)))).to.equal('Vector<Int32>(3)');
      expect(describeValue(tableFromArrays({ a: new Float64Array(2), b: new Float64Array(2) }))).to.equal('Table(2x2)');
    });
  });

  describe('@checkOutput on typed arrays and Arrow vectors', () => {
    const float = new Float64Array([0.5, 2, NaN, -1]);
    const vector = vectorFromArray([0.5, null, 2, -1]);

    it('treats both as arrays, declared or produced', () => {
      expect([Float64Array, Vector].map((t) => kindOfType(t as NodeType))).to.deep.equal(['array', 'array']);
      expect([float, vector, makeVector(float)].map(kindOfValue)).to.deep.equal(['array', 'array', 'array']);
    });

    it('range lists the positions outside, leaving NaN and Arrow nulls to allowNans', () => {
      expect(check('range', [-1, 1], float)).to.deep.include({ passes: false, message: '1 of 3 values are outside [-1, 1] (row 1: 2).' });
      expect(check('range', [-1, 1], vector)).to.deep.include({ passes: false, message: '1 of 3 values are outside [-1, 1] (row 2: 2).' });
      expect(check('range', [-1, 2], makeVector(float)).passes).to.equal(true);
    });

    it('allowNans: false finds NaN in a typed array and nulls in a vector', () => {
      expect(check('allowNans', false, float).diagnostics).to.deep.include({ missing: 1, at: [2] });
      expect(check('allowNans', false, vector).diagnostics).to.deep.include({ missing: 1, at: [1] });
      expect(check('allowNans', false, new Float64Array([1, 2])).passes).to.equal(true);
      expect(check('allowNans', false, makeVector(new Float64Array([1, 2]))).passes).to.equal(true);
    });

    it('dataType reads the element type (danfo dtypes), each element, or the container class', () => {
      expect(check('dataType', Number, float).passes).to.equal(true);
      expect(check('dataType', 'float32', float).passes).to.equal(true);
      expect(check('dataType', 'int32', float)).to.deep.include({ passes: false, message: 'Expected dtype int32, got float32.' });
      expect(check('dataType', 'int32', new Uint16Array(2)).passes).to.equal(true);
      expect(check('dataType', 'int32', makeVector(new Int32Array(2))).passes).to.equal(true);
      expect(check('dataType', String, vectorFromArray(['a', 'b'])).passes).to.equal(true);
      expect(check('dataType', Number, vectorFromArray(['a', 'b'])).passes).to.equal(false);
      expect(check('dataType', Boolean, vectorFromArray([true, false])).passes).to.equal(true);
      // 64-bit integers are bigints: no danfo dtype fits, each element is checked.
      expect(check('dataType', Number, new BigInt64Array(2)).passes).to.equal(false);
      expect(check('dataType', Float64Array, float).passes).to.equal(true);
      expect(check('dataType', Float32Array, float)).to.deep.include({
        passes: false,
        message: 'Expected a value of type Float32Array, got Float64Array(4).',
      });
      expect(check('dataType', Vector, vector).passes).to.equal(true);
      expect(check('dataType', Vector, float).passes).to.equal(false);
    });

    it('fails the run on a failing check of a Float64Array node, and passes a clean Vector node', () => {
      class Checked {
        @checkOutput({ range: [0, 10], allowNans: false, importance: 'fail' })
        scores(raw: Float64Array): Float64Array {
          return raw.map((v) => v * 10);
        }
        @checkOutput({ range: [0, 10], dataType: Number, importance: 'fail' })
        scoreVector(scores: Float64Array): Vector {
          return makeVector(scores);
        }
      }
      const dr = driver(Checked);
      const ok = dr.execute(['scoreVector'], { inputs: { raw: new Float64Array([0.1, 0.5]) } }).scoreVector as Vector;
      expect([...ok]).to.deep.equal([1, 5]);
      expect(() => dr.execute(['scores'], { inputs: { raw: new Float64Array([0.1, 2, NaN]) } })).to.throw(
        DataValidationError,
        /outside \[0, 10\].*row 1: 20/s,
      );
    });
  });

  describe('@extractColumns on an Arrow table', () => {
    class Survey {
      @extractColumns('budget', 'age')
      survey(rows: number): Table {
        return tableFromArrays({
          budget: Float64Array.from({ length: rows }, (_, i) => i * 1000),
          age: Int32Array.from({ length: rows }, (_, i) => 20 + i),
        });
      }
      @node()
      highBudgets(budget: Vector): number {
        return budget.toArray().filter((v: number) => v > 1500).length;
      }
    }

    it('makes one Vector node per column, typed so Vector parameters take them', () => {
      const dr = driver(Survey);
      const result = dr.execute(['highBudgets', 'age'], { inputs: { rows: 4 } });
      expect(result.highBudgets).to.equal(2);
      expect(result.age).to.be.instanceOf(Vector);
      expect([...(result.age as Vector)]).to.deep.equal([20, 21, 22, 23]);
      expect(dr.listAvailableVariables().find((v) => v.name === 'age')!.type).to.equal(Vector);
    });

    it('fills a missing column with fillWith, and names the node and the columns without it', () => {
      class Filled {
        @extractColumns('budget', 'region', { fillWith: 'north' })
        survey(): Table {
          return tableFromArrays({ budget: new Float64Array([1, 2]) });
        }
      }
      expect([...(driver(Filled).execute(['region']).region as Vector)]).to.deep.equal(['north', 'north']);
      class Missing {
        @extractColumns('budget', 'region')
        survey(): Table {
          return tableFromArrays({ budget: new Float64Array([1, 2]) });
        }
      }
      expect(() => driver(Missing).execute(['region'])).to.throw(HamiltonError, /No column 'region'.*Missing\.survey.*columns: budget/s);
    });

    it('refuses a method declared as neither a DataFrame nor a Table, and an undeclared one returning neither', () => {
      class Declared {
        @extractColumns('a')
        survey(): Float64Array {
          return new Float64Array(1);
        }
      }
      expect(() => driver(Declared)).to.throw(InvalidDecoratorError, /return a DataFrame, but it declares Float64Array\. An Arrow Table works too/);
      class Undeclared {
        @extractColumns('a')
        survey(): unknown {
          return new Float64Array(1);
        }
      }
      expect(() => driver(Undeclared).execute(['a'])).to.throw(HamiltonError, /returned Float64Array\(1\).*DataFrame or an Arrow Table/);
    });
  });
});

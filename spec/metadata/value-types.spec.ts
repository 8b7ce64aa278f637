import { expect } from 'chai';
import { danfo } from '../../lib/dataframe/danfo.js';
import { describeType, describeValue, knownType, narrowerType, typesMatch, valueMatchesType, type NodeType } from '../../lib/metadata/value-types.js';

class Animal {}
class Dog extends Animal {}
class Car {}

describe('graph/types: declared types and values', () => {
  it('treats Object, Promise, undefined and non-functions as unknown', () => {
    expect(knownType(Object)).to.equal(undefined);
    expect(knownType(Promise)).to.equal(undefined);
    expect(knownType(undefined)).to.equal(undefined);
    expect(knownType('string')).to.equal(undefined);
    expect(knownType(Number)).to.equal(Number);
    expect(knownType(Dog)).to.equal(Dog);
  });

  it("maps danfo's exported Series/DataFrame to the root classes its operations return", () => {
    const d = danfo();
    const doubled = new d.Series([1, 2]).mul(2);
    const rootSeries = knownType(d.Series)!;
    expect(rootSeries).not.to.equal(undefined);
    expect(doubled).to.be.instanceOf(rootSeries);
    expect(new d.DataFrame({ a: [1] })).to.be.instanceOf(knownType(d.DataFrame)!);
    expect(valueMatchesType(rootSeries, doubled)).to.equal(true);
    expect(valueMatchesType(rootSeries, new d.Series([1]))).to.equal(true);
    expect(valueMatchesType(rootSeries, new d.DataFrame({ a: [1] }))).to.equal(false);
  });

  it('an edge fits when either side is unknown, the types are equal, or the producer subclasses the parameter', () => {
    expect(typesMatch(undefined, Number)).to.equal(true);
    expect(typesMatch(Number, undefined)).to.equal(true);
    expect(typesMatch(Number, Number)).to.equal(true);
    expect(typesMatch(Animal, Dog)).to.equal(true);
    expect(typesMatch(Dog, Animal)).to.equal(false);
    expect(typesMatch(Number, String)).to.equal(false);
    expect(typesMatch(Animal, Car)).to.equal(false);
  });

  it('narrowerType picks the tighter of compatible types, in either order, and null on conflict', () => {
    expect(narrowerType(Animal, Dog)).to.equal(Dog);
    expect(narrowerType(Dog, Animal)).to.equal(Dog);
    expect(narrowerType(undefined, Dog)).to.equal(Dog);
    expect(narrowerType(Dog, undefined)).to.equal(Dog);
    expect(narrowerType(undefined, undefined)).to.equal(undefined);
    expect(narrowerType(Number, String)).to.equal(null);
  });

  it('checks values against declared types; null and undefined always pass', () => {
    expect(valueMatchesType(Number, 3)).to.equal(true);
    expect(valueMatchesType(Number, '3')).to.equal(false);
    expect(valueMatchesType(String, 'x')).to.equal(true);
    expect(valueMatchesType(Boolean, 0)).to.equal(false);
    expect(valueMatchesType(BigInt as unknown as NodeType, 3n)).to.equal(true);
    expect(valueMatchesType(Array, [1])).to.equal(true);
    expect(valueMatchesType(Array, { length: 1 })).to.equal(false);
    expect(valueMatchesType(Animal, new Dog())).to.equal(true);
    expect(valueMatchesType(Dog, new Animal())).to.equal(false);
    expect(valueMatchesType(Date, new Date())).to.equal(true);
    expect(valueMatchesType(Number, null)).to.equal(true);
    expect(valueMatchesType(Dog, undefined)).to.equal(true);
    expect(valueMatchesType(undefined, 'anything')).to.equal(true);
  });

  it('describes types and values briefly', () => {
    expect(describeType(undefined)).to.equal('unknown');
    expect(describeType(Number)).to.equal('number');
    expect(describeType(Dog)).to.equal('Dog');
    expect(describeValue(3)).to.equal('number 3');
    expect(describeValue('abc')).to.equal("string 'abc'");
    expect(describeValue('x'.repeat(100))).to.have.length.below(45);
    expect(describeValue([1, 2, 3])).to.equal('Array(3)');
    expect(describeValue(new Dog())).to.equal('Dog');
    expect(describeValue(null)).to.equal('null');
    const frame = new (danfo().DataFrame)({ a: [1, 2], b: [3, 4] });
    expect(describeValue(frame)).to.match(/\(2x2\)$/);
  });
});

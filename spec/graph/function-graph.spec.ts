import { expect } from 'chai';
import { Builder, CycleError, DuplicateNodeError, TypeMismatchError, node } from 'hamilton-ts';
import { Series as DanfoSeries, DataFrame as DanfoFrame } from 'danfojs';
import { FunctionGraph } from '../../lib/graph/function-graph.js';
import { thrown } from '../helpers.js';

const build = (...featureSets: object[]) => new Builder().withModules(...featureSets).build();
const graphOf = (config: Record<string, unknown>, ...classes: Array<new () => object>) =>
  FunctionGraph.build(
    classes.map((cls) => ({ cls, instance: new cls() })),
    { config, allowModuleOverrides: false },
  );

class Animal {
  constructor(readonly name = 'animal') {}
}
class Dog extends Animal {}

describe('graph/function-graph: building and checking the DAG', () => {
  describe('nodes and roles', () => {
    class Features {
      b(a: number): number {
        return a + 1;
      }
      c(b: number, mode: string): string {
        return `${b}${mode}`;
      }
    }

    it('adds external input nodes for what nothing computes, and config nodes for every config key', () => {
      const graph = graphOf({ mode: 'x', unused: 1 }, Features);
      const roles = Object.fromEntries(graph.nodes.map((n) => [n.name, n.role]));
      expect(roles).to.deep.equal({ b: 'function', c: 'function', a: 'input', mode: 'config', unused: 'config' });
      expect(graph.get('mode')!.configValue).to.equal('x');
    });

    it('links edges both ways', () => {
      const graph = graphOf({}, Features);
      const names = (indices: readonly number[]) => indices.map((i) => graph.nodes[i].name);
      expect(names(graph.get('c')!.dependencyIndices)).to.deep.equal(['b', 'mode']);
      expect(names(graph.get('b')!.dependentIndices)).to.deep.equal(['c']);
      expect(names(graph.get('a')!.dependentIndices)).to.deep.equal(['b']);
    });

    it('a config key named like a node replaces it; the node’s own dependencies disappear', () => {
      const graph = graphOf({ b: 41 }, Features);
      expect(graph.get('b')!.role).to.equal('config');
      expect(graph.get('b')!.dependencyIndices).to.deep.equal([]);
      expect(graph.get('a'), 'nothing else reads a').to.equal(undefined);
    });
  });

  describe('duplicates', () => {
    class First {
      shared(x: number): number {
        return x + 1;
      }
      onlyFirst(): number {
        return 1;
      }
    }
    class Second {
      shared(x: number): number {
        return x + 2;
      }
    }
    class Third {
      shared(): number {
        return 3;
      }
      onlyFirst(): number {
        return 4;
      }
    }

    it('a node defined twice is a DuplicateNodeError naming both definitions', () => {
      const error = thrown(() => build(First, Second));
      expect(error).to.be.instanceOf(DuplicateNodeError);
      const duplicate = error as DuplicateNodeError;
      expect(duplicate.nodeName).to.equal('shared');
      expect(duplicate.definitions).to.deep.equal(['First.shared', 'Second.shared']);
      expect(duplicate.message).to.include('First.shared').and.include('Second.shared');
      expect(duplicate.message).to.include('allowModuleOverrides');
    });

    it('every duplicate is reported together', () => {
      const error = thrown(() => build(First, Third)) as DuplicateNodeError;
      expect(error).to.be.instanceOf(DuplicateNodeError);
      expect(error.duplicates.map((d) => d.nodeName).sort()).to.deep.equal(['onlyFirst', 'shared']);
      expect(error.message).to.include('Third.onlyFirst');
    });

    it('two variants of one name in one class are duplicates', () => {
      class Variants {
        survey__a(): number {
          return 1;
        }
        survey__b(): number {
          return 2;
        }
      }
      const error = thrown(() => build(Variants)) as DuplicateNodeError;
      expect(error).to.be.instanceOf(DuplicateNodeError);
      expect(error.definitions).to.deep.equal(['Variants.survey__a', 'Variants.survey__b']);
      expect(() => new Builder().withModules(Variants).allowModuleOverrides().build()).to.throw(DuplicateNodeError);
    });

    it('allowModuleOverrides() makes the later module win', () => {
      const dr = new Builder().withModules(First, Second).allowModuleOverrides().build();
      expect(dr.execute(['shared'], { inputs: { x: 10 } })).to.deep.equal({ shared: 12 });
      const reversed = new Builder().withModules(Second, First).allowModuleOverrides().build();
      expect(reversed.execute(['shared'], { inputs: { x: 10 } })).to.deep.equal({ shared: 11 });
      const [variable] = dr.listAvailableVariables().filter((v) => v.name === 'shared');
      expect(variable.originatingFunctions).to.deep.equal(['Second.shared']);
    });
  });

  describe('cycles', () => {
    it('a two-node cycle is a CycleError at build with the path in .cycle and the message', () => {
      class Loop {
        a(b: number): number {
          return b;
        }
        b(a: number): number {
          return a;
        }
      }
      const error = thrown(() => build(Loop)) as CycleError;
      expect(error).to.be.instanceOf(CycleError);
      expect(error.cycle).to.satisfy((c: string[]) => ['a -> b -> a', 'b -> a -> b'].includes(c.join(' -> ')));
      expect(error.message).to.include(error.cycle.join(' -> '));
    });

    it('a longer cycle is listed from producer to consumer, behind an acyclic part', () => {
      class Loop {
        start(x: number): number {
          return x;
        }
        a(start: number, c: number): number {
          return start + c;
        }
        b(a: number): number {
          return a;
        }
        c(b: number): number {
          return b;
        }
        after(c: number): number {
          return c;
        }
      }
      const error = thrown(() => build(Loop)) as CycleError;
      expect(error).to.be.instanceOf(CycleError);
      const rotations = ['a -> b -> c -> a', 'b -> c -> a -> b', 'c -> a -> b -> c'];
      expect(rotations).to.include(error.cycle.join(' -> '));
      expect(error.message).to.include(error.cycle.join(' -> '));
    });

    it('a method reading itself is a cycle', () => {
      class Self {
        loop(loop: number): number {
          return loop;
        }
      }
      const error = thrown(() => build(Self)) as CycleError;
      expect(error).to.be.instanceOf(CycleError);
      expect(error.cycle).to.deep.equal(['loop', 'loop']);
    });
  });

  describe('edge types', () => {
    it('decorated methods get their design types as node and parameter types', () => {
      class Typed {
        @node()
        count(raw: string): number {
          return raw.length;
        }
      }
      const graph = graphOf({}, Typed);
      expect(graph.get('count')!.type).to.equal(Number);
      expect(graph.get('raw')!.type).to.equal(String);
    });

    it('a mismatch is a TypeMismatchError with producer, consumer, parameter and both types', () => {
      class Mismatch {
        @node()
        label(): string {
          return 'x';
        }
        @node()
        doubled(label: number): number {
          return label * 2;
        }
      }
      const error = thrown(() => build(Mismatch)) as TypeMismatchError;
      expect(error).to.be.instanceOf(TypeMismatchError);
      expect(error.producer).to.equal('Mismatch.label');
      expect(error.consumer).to.equal('Mismatch.doubled');
      expect(error.parameter).to.equal('label');
      expect(error.expectedType).to.equal('number');
      expect(error.actualType).to.equal('string');
      for (const part of ['Mismatch.label', 'Mismatch.doubled', "'label'", 'number', 'string']) {
        expect(error.message).to.include(part);
      }
    });

    it('every mismatched edge is reported together', () => {
      class Mismatches {
        @node()
        label(): string {
          return 'x';
        }
        @node()
        one(label: number): number {
          return label;
        }
        @node()
        two(label: boolean): boolean {
          return label;
        }
      }
      const error = thrown(() => build(Mismatches)) as TypeMismatchError;
      expect(error.mismatches.map((m) => m.consumer).sort()).to.deep.equal(['Mismatches.one', 'Mismatches.two']);
    });

    it('a producer returning a subclass of the parameter type is accepted; the reverse is not', () => {
      class Pets {
        @node()
        pet(): Dog {
          return new Dog('rex');
        }
        @node()
        petName(pet: Animal): string {
          return pet.name;
        }
      }
      expect(build(Pets).execute(['petName'])).to.deep.equal({ petName: 'rex' });

      class Narrowing {
        @node()
        pet(): Animal {
          return new Animal();
        }
        @node()
        bark(pet: Dog): string {
          return pet.name;
        }
      }
      expect(() => build(Narrowing)).to.throw(TypeMismatchError, /Narrowing\.bark/);
    });

    it('danfo Series produced by operations match Series parameters (exported and root classes are one type)', () => {
      class Frames {
        @node()
        doubled(spend: DanfoSeries): DanfoSeries {
          return spend.mul(2);
        }
        @node()
        total(doubled: DanfoSeries): number {
          return doubled.sum();
        }
        @node()
        frame(doubled: DanfoSeries): DanfoFrame {
          return new DanfoFrame({ doubled: doubled.values });
        }
      }
      const dr = build(Frames);
      expect(dr.execute(['total'], { inputs: { spend: new DanfoSeries([1, 2, 3]) } })).to.deep.equal({ total: 12 });

      class WrongFrame {
        @node()
        frame(): DanfoFrame {
          return new DanfoFrame({ a: [1] });
        }
        @node()
        col(frame: DanfoSeries): number {
          return frame.sum();
        }
      }
      expect(() => build(WrongFrame)).to.throw(TypeMismatchError, /DataFrame/);
    });

    it('unknown types are not checked: undecorated methods, any, unions, interfaces, Promise', () => {
      interface Shape {
        readonly size: number;
      }
      class Loose {
        label(): string {
          return '3';
        }
        @node()
        anyValue(label: any): any {
          return label;
        }
        @node()
        union(anyValue: number | string): number | string {
          return anyValue;
        }
        @node()
        shape(union: Shape): Shape {
          return { size: Number(union) };
        }
        @node()
        async later(shape: Shape): Promise<number> {
          return shape.size;
        }
        @node()
        consumer(later: string): string {
          return later;
        }
      }
      expect(() => build(Loose)).not.to.throw();
      expect(build(Loose).execute(['shape'])).to.deep.equal({ shape: { size: 3 } });
    });

    it('edges from config values are not type-checked when the graph is built', () => {
      class Typed {
        @node()
        rate(): number {
          return 1;
        }
        @node()
        total(rate: number): number {
          return rate * 2;
        }
      }
      const dr = new Builder().withConfig({ rate: 4 }).withModules(Typed).build();
      expect(dr.execute(['total'])).to.deep.equal({ total: 8 });
    });

    it('two consumers of an input with conflicting types are a TypeMismatchError naming both', () => {
      class Conflict {
        @node()
        length(raw: string): number {
          return raw.length;
        }
        @node()
        twice(raw: number): number {
          return raw * 2;
        }
      }
      const error = thrown(() => build(Conflict)) as TypeMismatchError;
      expect(error).to.be.instanceOf(TypeMismatchError);
      expect(error.parameter).to.equal('raw');
      expect(error.message).to.include('Conflict.length').and.include('Conflict.twice');
      expect([error.expectedType, error.actualType].sort()).to.deep.equal(['number', 'string']);
    });

    it('two consumers with compatible input types narrow the input to the tighter type, in any order', () => {
      class General {
        @node()
        name(pet: Animal): string {
          return pet.name;
        }
      }
      class Specific {
        @node()
        dogName(pet: Dog): string {
          return pet.name;
        }
      }
      expect(graphOf({}, General, Specific).get('pet')!.type).to.equal(Dog);
      expect(graphOf({}, Specific, General).get('pet')!.type).to.equal(Dog);
      class Untyped {
        any(pet: unknown): unknown {
          return pet;
        }
      }
      expect(graphOf({}, Untyped, Specific).get('pet')!.type).to.equal(Dog);
    });
  });
});

import { expect } from 'chai';
import { DataFrame } from 'danfojs';
import { Builder, extractColumns, InvalidDecoratorError, tag, type FeatureSet } from 'hamilton-ts';

const tagsOf = (module: FeatureSet) =>
  Object.fromEntries(
    new Builder()
      .withModules(module)
      .build()
      .listAvailableVariables()
      .map((v) => [v.name, v.tags]),
  );
type Loose = (...args: unknown[]) => unknown;

// From Hamilton's tests/function_modifiers/test_metadata.py (tag with target_).
describe('@tag(tags, { target })', () => {
  class Frames {
    @tag({ target: 'column' }, { target: ['a', 'b'] })
    @tag({ level: 'frame' }, { target: 'data' })
    @extractColumns('a', 'b')
    data(): DataFrame {
      return new DataFrame({ a: [1], b: [2] });
    }
  }

  it('tags the named produced nodes only, the frame included when named', () => {
    const tags = tagsOf(Frames);
    expect(tags.a.target).to.equal('column');
    expect(tags.b.target).to.equal('column');
    expect(tags.data.target).to.equal(undefined);
    expect(tags.data.level).to.equal('frame');
    expect(tags.a.level).to.equal(undefined);
  });

  it('without target, tags the final nodes as before', () => {
    class Plain {
      @tag({ owner: 'ds' })
      @extractColumns('a')
      data(): DataFrame {
        return new DataFrame({ a: [1] });
      }
    }
    const tags = tagsOf(Plain);
    expect(tags.a.owner).to.equal('ds');
    expect(tags.data.owner).to.equal(undefined);
  });

  it('a target the method does not produce is an InvalidDecoratorError naming what it produces', () => {
    class Wrong {
      @tag({ owner: 'ds' }, { target: 'c' })
      @extractColumns('a')
      data(): DataFrame {
        return new DataFrame({ a: [1] });
      }
    }
    expect(() => tagsOf(Wrong)).to.throw(InvalidDecoratorError, /Wrong\.data: @tag targets 'c'.*a, data|Wrong\.data: @tag targets 'c'.*data, a/);
  });

  it('a bad target or options object fails when the decorator is applied', () => {
    expect(() => tag({ a: 'b' }, { target: [] })).to.throw(InvalidDecoratorError, /target must be/);
    expect(() => (tag as Loose)({ a: 'b' }, { target: 3 })).to.throw(InvalidDecoratorError, /target must be/);
    expect(() => (tag as Loose)({ a: 'b' }, { targets: 'x' })).to.throw(InvalidDecoratorError, /targets/);
    expect(() => (tag as Loose)({ a: 'b' }, 'x')).to.throw(InvalidDecoratorError);
  });
});

import { expect } from 'chai';
import { Builder, group, InvalidDecoratorError, node, parameterize, parameterizeSources, parameterizeValues, source, value } from 'hamilton-ts';

describe('@parameterize family', () => {
  class Scaling {
    @parameterize({
      spendX2: { series: source('spend'), factor: value(2) },
      signupsX3: { bindings: { series: source('signups'), factor: value(3) }, doc: 'Signups tripled.' },
    })
    @node({ doc: '{outputName}: {series} times {factor}.' })
    scaled(series: number[], factor: number): number[] {
      return series.map((x) => x * factor);
    }

    @parameterize({ total: { parts: group(source('a'), value(10), source('b')) } })
    sum(parts: number[]): number {
      return parts.reduce((x, y) => x + y, 0);
    }
  }

  it('makes one node per output with literals bound and parameters renamed; the method is no node', () => {
    const dr = new Builder().withModules(Scaling).build();
    const result = dr.execute(['spendX2', 'signupsX3', 'total'], { inputs: { spend: [1, 2], signups: [5], a: 1, b: 2 } });
    expect(result).to.deep.equal({ spendX2: [2, 4], signupsX3: [15], total: 13 });
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.not.include('scaled');
    expect(names).to.not.include('series');
    expect(dr.whatIsUpstreamOf('spendX2').map((v) => v.name)).to.have.members(['spendX2', 'spend']);
  });

  it('templates the doc per output, or uses the doc given', () => {
    const variables = new Builder().withModules(Scaling).build().listAvailableVariables();
    expect(variables.find((v) => v.name === 'spendX2')!.doc).to.equal('spendX2: spend times 2.');
    expect(variables.find((v) => v.name === 'signupsX3')!.doc).to.equal('Signups tripled.');
  });

  it('keeps unbound parameters as dependencies and allows the same source twice', () => {
    class Twice {
      @parameterize({ square: { x: source('n'), y: source('n') } })
      product(x: number, y: number, offset: number): number {
        return x * y + offset;
      }
    }
    const dr = new Builder().withModules(Twice).build();
    expect(dr.execute(['square'], { inputs: { n: 3, offset: 1 } })).to.deep.equal({ square: 10 });
  });

  it('parameterizeValues and parameterizeSources are shorthands', () => {
    class Short {
      @parameterizeValues('weeks', { shift1: 1, shift3: 3 })
      shifted(base: number, weeks: number): number {
        return base + weeks;
      }

      @parameterizeSources({ fromA: { x: 'a' }, fromB: { x: 'b' } })
      negated(x: number): number {
        return -x;
      }
    }
    const result = new Builder()
      .withModules(Short)
      .build()
      .execute(['shift1', 'shift3', 'fromA', 'fromB'], { inputs: { base: 10, a: 1, b: 2 } });
    expect(result).to.deep.equal({ shift1: 11, shift3: 13, fromA: -1, fromB: -2 });
  });

  it('rejects a binding of a parameter the method does not have, when the graph is built', () => {
    class Wrong {
      @parameterize({ out: { nope: value(1) } })
      f(x: number): number {
        return x;
      }
    }
    expect(() => new Builder().withModules(Wrong).build()).to.throw(
      InvalidDecoratorError,
      /'nope', which the method does not have \(its parameters: x\)/,
    );
  });

  it('rejects raw values and empty outputs when the class is defined', () => {
    expect(() => parameterize({ out: { x: 3 as never } })).to.throw(InvalidDecoratorError, /wrap it in value/);
    expect(() => parameterize({})).to.throw(InvalidDecoratorError, /at least one output/);
  });

  // Hamilton's format_doc_string (test_parametrized_inputs, ..._validate_reserved_param, ..._validate_bad_doc_string).
  describe('doc templates', () => {
    const docOf = (cls: new () => object, name: string) =>
      new Builder()
        .withModules(cls)
        .build()
        .listAvailableVariables()
        .find((v) => v.name === name)!.doc;

    it('fills an unbound parameter with its own name, bound ones with their value or source', () => {
      class Partly {
        @parameterize({ spendX2: { factor: value(2) }, fromSignups: { series: source('signups'), factor: value(3) } })
        @node({ doc: '{outputName}: {series} times {factor}, plus {offset}.' })
        scaled(series: number[], factor: number, offset: number): number[] {
          return series.map((x) => x * factor + offset);
        }
      }
      expect(docOf(Partly, 'spendX2')).to.equal('spendX2: series times 2, plus offset.');
      expect(docOf(Partly, 'fromSignups')).to.equal('fromSignups: signups times 3, plus offset.');
    });

    it('the shorthands template the same way; {{param}} is the text {param}', () => {
      class Short {
        @parameterizeValues('weeks', { shift1: 1 })
        @node({ doc: '{base} shifted by {weeks} ({{weeks}} in the template).' })
        shifted(base: number, weeks: number): number {
          return base + weeks;
        }

        @parameterizeSources({ fromA: { x: 'a' } })
        @node({ doc: '{outputName} negates {x}.' })
        negated(x: number): number {
          return -x;
        }
      }
      expect(docOf(Short, 'shift1')).to.equal('base shifted by 1 ({weeks} in the template).');
      expect(docOf(Short, 'fromA')).to.equal('fromA negates a.');
    });

    it('rejects a placeholder that names no parameter, naming it and the method, when the graph is built', () => {
      class Typo {
        @parameterize({ out: { factor: value(2) } })
        @node({ doc: 'Scales {sereis} by {factor}.' })
        scaled(series: number, factor: number): number {
          return series * factor;
        }
      }
      expect(() => new Builder().withModules(Typo).build()).to.throw(
        InvalidDecoratorError,
        /Typo\.scaled.*'\{sereis\}'.*its parameters: series, factor/,
      );
    });

    it('a doc given for an output is not templated, so only the templated outputs are checked', () => {
      class Given {
        @parameterize({ out: { bindings: { factor: value(2) }, doc: 'Doubled.' } })
        @node({ doc: 'Scales by {nothing}.' })
        scaled(series: number, factor: number): number {
          return series * factor;
        }
      }
      expect(docOf(Given, 'out')).to.equal('Doubled.');
    });

    it('rejects a parameter named outputName, even without a doc', () => {
      class Reserved {
        @parameterizeValues('factor', { out: 2 })
        scaled(outputName: string, factor: number): string {
          return outputName.repeat(factor);
        }
      }
      expect(() => new Builder().withModules(Reserved).build()).to.throw(InvalidDecoratorError, /Reserved\.scaled.*parameter named 'outputName'/);
    });
  });
});

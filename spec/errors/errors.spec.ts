import { expect } from 'chai';
import {
  CycleError,
  DuplicateNodeError,
  HamiltonError,
  InvalidDecoratorError,
  MissingInputError,
  NodeExecutionError,
  TypeMismatchError,
  UnknownNodeError,
} from 'hamilton-ts';

describe('errors: typed classes', () => {
  const errors = [
    new InvalidDecoratorError('bad'),
    new MissingInputError([{ input: 'x', neededBy: ['F.a'] }]),
    new CycleError(['a', 'b', 'a']),
    new DuplicateNodeError([{ nodeName: 'a', definitions: ['F.a', 'G.a'] }]),
    new TypeMismatchError([{ producer: 'F.a', consumer: 'F.b', parameter: 'a', expectedType: 'number', actualType: 'string', message: 'm' }]),
    new UnknownNodeError([{ name: 'q', suggestions: [] }]),
    new NodeExecutionError('a', 'F.a', 'x=number 1', new Error('boom')),
  ];

  it('all extend HamiltonError and Error, and carry their class name', () => {
    for (const error of errors) {
      expect(error).to.be.instanceOf(HamiltonError);
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal(error.constructor.name);
      expect(String(error)).to.match(new RegExp(`^${error.constructor.name}: `));
    }
  });

  it('word their messages from their fields', () => {
    expect(errors[1].message).to.include("'x', needed by F.a").and.include('1 required input is missing');
    expect(
      new MissingInputError([
        { input: 'x', neededBy: ['F.a'] },
        { input: 'y', neededBy: ['F.b', 'F.c'] },
      ]).message,
    )
      .to.include('2 required inputs are missing')
      .and.include("'y', needed by F.b, F.c");
    expect(errors[2].message).to.include('a -> b -> a');
    expect(errors[3].message).to.include("'a'").and.include('F.a').and.include('G.a');
    expect(errors[6].message).to.include("Node 'a' (F.a) failed: Error: boom").and.include('inputs: x=number 1');
    expect((errors[6] as NodeExecutionError).cause).to.be.instanceOf(Error);
  });
});

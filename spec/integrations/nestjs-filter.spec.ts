import { expect } from 'chai';
import { Body, Controller, Get, HttpStatus, Module, NotFoundException, Post, type INestApplication, type LoggerService } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import {
  AsyncDriver,
  checkOutput,
  CycleError,
  DataValidationError,
  HamiltonError,
  MissingInputError,
  node,
  NodeExecutionError,
  TypeMismatchError,
  UnknownNodeError,
} from 'hamilton-ts';
import { HamiltonExceptionFilter, HamiltonModule, httpExceptionOf, InjectDriver } from 'hamilton-ts/nestjs';
import { replyWithoutAdapter } from '../../lib/integrations/nestjs/reply-without-adapter.js';

/** Orders: each kind of failure a request can meet is one request away. */
class Orders {
  @node()
  total(price: number, quantity: number): number {
    return price * quantity;
  }

  @checkOutput({ range: [0, 1000], importance: 'fail' })
  @node()
  discounted(total: number, discount: number): number {
    return total - discount;
  }

  @node()
  explode(total: number): number {
    throw new RangeError(`no stock left for ${total}`);
  }

  @node()
  lookup(sku: string): string {
    throw new NotFoundException(`no product ${sku}`);
  }
}

interface RunBody {
  readonly outputs: string[];
  readonly inputs: Record<string, unknown>;
}

@Controller()
class OrdersController {
  constructor(@InjectDriver() private readonly dr: AsyncDriver<Record<string, unknown>>) {}

  @Post('run')
  run(@Body() body: RunBody): Promise<Record<string, unknown>> {
    return this.dr.execute(body.outputs, { inputs: body.inputs });
  }

  @Get('hamilton-error')
  hamiltonError(): never {
    throw new CycleError(['a', 'b', 'a']);
  }

  @Get('plain-error')
  plainError(): never {
    throw new Error('not a HamiltonError');
  }
}

/** What Nest logged through the app's logger, level by level. */
class RecordingLogger implements LoggerService {
  readonly entries: { level: string; message: string; rest: unknown[] }[] = [];
  log(message: unknown, ...rest: unknown[]): void {
    this.entries.push({ level: 'log', message: String(message), rest });
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.entries.push({ level: 'error', message: String(message), rest });
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.entries.push({ level: 'warn', message: String(message), rest });
  }
  errors(): { message: string; rest: unknown[] }[] {
    return this.entries.filter((e) => e.level === 'error');
  }
}

type Registration = 'useGlobalFilters with the adapter' | 'useGlobalFilters without the adapter' | 'the exceptionFilter option (APP_FILTER)' | 'none';

async function start(registration: Registration): Promise<{ app: INestApplication; url: string; logger: RecordingLogger }> {
  @Module({
    imports: [HamiltonModule.forRoot({ modules: [Orders], exceptionFilter: registration === 'the exceptionFilter option (APP_FILTER)' })],
    controllers: [OrdersController],
  })
  class AppModule {}
  const logger = new RecordingLogger();
  const app = await NestFactory.create(AppModule, { logger, abortOnError: false });
  if (registration === 'useGlobalFilters with the adapter') app.useGlobalFilters(new HamiltonExceptionFilter(app.get(HttpAdapterHost)));
  if (registration === 'useGlobalFilters without the adapter') app.useGlobalFilters(new HamiltonExceptionFilter());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, logger };
}

async function run(url: string, outputs: string[], inputs: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outputs, inputs }),
  });
  return { status: response.status, json: await response.json() };
}

describe('HamiltonExceptionFilter (NestJS)', () => {
  for (const registration of [
    'useGlobalFilters with the adapter',
    'useGlobalFilters without the adapter',
    'the exceptionFilter option (APP_FILTER)',
  ] as const) {
    describe(`registered through ${registration}, over HTTP`, () => {
      let app: INestApplication;
      let url: string;
      let logger: RecordingLogger;
      before(async () => ({ app, url, logger } = await start(registration)));
      after(async () => app?.close());

      it('answers a missing input with 400, naming the input', async () => {
        const { status, json } = await run(url, ['total'], { price: 3 });
        expect(status).to.equal(400);
        expect(json).to.deep.equal({ statusCode: 400, message: "Missing input: 'quantity'", error: 'Bad Request', missing: ['quantity'] });
      });

      it('answers an input of the wrong type with 422, naming the input and both types', async () => {
        const { status, json } = await run(url, ['total'], { price: 'three', quantity: 2 });
        expect(status).to.equal(422);
        expect(json.statusCode).to.equal(422);
        expect(json.error).to.equal('Unprocessable Entity');
        expect(json.mismatches).to.deep.equal([{ input: 'price', expected: 'number', actual: "string 'three'" }]);
        expect(json.message).to.equal("Input has the wrong type: 'price' should be number but got string 'three'");
        expect(json.message).not.to.contain('Orders.'); // no class names of the server
      });

      it('answers an unknown output with 400 and the close names', async () => {
        const { status, json } = await run(url, ['totl'], { price: 3, quantity: 2 });
        expect(status).to.equal(400);
        expect(json).to.deep.include({ statusCode: 400, error: 'Bad Request', unknown: [{ name: 'totl', suggestions: ['total'] }] });
        expect(json.message).to.contain("'totl' (did you mean 'total'?)");
      });

      it('answers a failed data validation with 422 and the failing checks', async () => {
        const { status, json } = await run(url, ['discounted'], { price: 600, quantity: 2, discount: 1 });
        expect(status).to.equal(422);
        expect(json.statusCode).to.equal(422);
        expect(json.error).to.equal('Unprocessable Entity');
        expect(json.message).to.contain("'discounted'");
        expect(json.checks).to.have.length(1);
        expect(json.checks[0]).to.include({ node: 'discounted', check: 'range', importance: 'fail' });
        expect(json.checks[0].message).to.be.a('string').and.have.length.above(0);
        // A value inside the range passes: the 422 was the check, not the route.
        expect((await run(url, ['discounted'], { price: 6, quantity: 2, discount: 1 })).json).to.deep.equal({ discounted: 11 });
      });

      it('answers a failing node with a bare 500, and logs the node and where it threw', async () => {
        const before = logger.errors().length;
        const { status, json } = await run(url, ['explode'], { price: 3, quantity: 2 });
        expect(status).to.equal(500);
        expect(json).to.deep.equal({ statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' });
        const logged = logger.errors().slice(before);
        expect(logged).to.have.length(1);
        expect(logged[0].message).to.match(/^500 NodeExecutionError: Node 'explode' \(Orders\.explode\) failed: RangeError: no stock left for 6/);
        expect(String(logged[0].rest[0])).to.contain('nestjs-filter.spec'); // the stack of the node's own throw
      });

      it('gives a node that threw an HttpException its own answer', async () => {
        const { status, json } = await run(url, ['lookup'], { sku: 'X-1' });
        expect(status).to.equal(404);
        expect(json).to.deep.equal({ statusCode: 404, message: 'no product X-1', error: 'Not Found' });
      });

      it('answers any other HamiltonError with a logged 500', async () => {
        const before = logger.errors().length;
        const response = await fetch(`${url}/hamilton-error`);
        expect(response.status).to.equal(500);
        expect(await response.json()).to.deep.equal({ statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' });
        expect(
          logger
            .errors()
            .slice(before)
            .map((e) => e.message),
        ).to.deep.equal([`500 CycleError: ${new CycleError(['a', 'b', 'a']).message}`]);
      });

      it('leaves other errors to Nest, and keeps serving', async () => {
        const response = await fetch(`${url}/plain-error`);
        expect(response.status).to.equal(500);
        expect(await response.json()).to.deep.equal({ statusCode: 500, message: 'Internal server error' }); // Nest's own body
        expect((await run(url, ['total'], { price: 3, quantity: 2 })).json).to.deep.equal({ total: 6 });
      });
    });
  }

  it("is opt-in: without it a HamiltonError is Nest's generic 500", async () => {
    const { app, url } = await start('none');
    try {
      const { status, json } = await run(url, ['total'], { price: 3 });
      expect(status).to.equal(500);
      expect(json).to.deep.equal({ statusCode: 500, message: 'Internal server error' });
    } finally {
      await app.close();
    }
  });

  describe('httpExceptionOf', () => {
    const errors: [HamiltonError, number][] = [
      [
        new MissingInputError([
          { input: 'a', neededBy: ['b'] },
          { input: 'c', neededBy: ['b'] },
        ]),
        HttpStatus.BAD_REQUEST,
      ],
      [new UnknownNodeError([{ name: 'x', suggestions: [] }]), HttpStatus.BAD_REQUEST],
      [
        new TypeMismatchError([{ producer: 'a', consumer: 'C.m', parameter: 'a', expectedType: 'number', actualType: 'string', message: 'm' }]),
        HttpStatus.UNPROCESSABLE_ENTITY,
      ],
      [
        new DataValidationError([
          {
            node: 'n',
            check: 'range',
            validatorNode: 'n_range_validator',
            importance: 'fail',
            passes: false,
            message: 'out of range',
            diagnostics: { rows: [1] },
          },
        ]),
        HttpStatus.UNPROCESSABLE_ENTITY,
      ],
      [new NodeExecutionError('n', 'C.n', 'secret=42', new Error('boom')), HttpStatus.INTERNAL_SERVER_ERROR],
      [new HamiltonError('anything else'), HttpStatus.INTERNAL_SERVER_ERROR],
    ];
    for (const [error, status] of errors) {
      it(`${error.name} -> ${status}, in Nest's body shape, the HamiltonError as its cause`, () => {
        const exception = httpExceptionOf(error);
        const body = exception.getResponse() as Record<string, unknown>;
        expect(exception.getStatus()).to.equal(status);
        expect(body.statusCode).to.equal(status);
        expect(body.message).to.be.a('string').and.have.length.above(0);
        expect(body.error).to.be.a('string').and.have.length.above(0);
        expect(exception.cause).to.equal(error);
        // Nothing of the server's internals in the body: inputs' values, diagnostics, class names.
        const text = JSON.stringify(body);
        expect(text).not.to.contain('secret=42');
        expect(text).not.to.contain('diagnostics');
        expect(text).not.to.contain('C.m');
      });
    }

    it('lists every missing input', () => {
      expect((httpExceptionOf(errors[0][0]).getResponse() as { missing: string[] }).missing).to.deep.equal(['a', 'c']);
    });
  });

  it('refuses a response it cannot answer without the adapter, instead of leaving the request hanging', () => {
    expect(() => replyWithoutAdapter({ write() {} }, {}, 400)).to.throw(HamiltonError, /HttpAdapterHost/);
    expect(() => replyWithoutAdapter(null, {}, 400)).to.throw(HamiltonError, /APP_FILTER/);
  });
});

import { expect } from 'chai';
import { Body, Controller, Get, Injectable, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AsyncDriver, Driver, DuplicateNodeError, HamiltonError, node, NodeExecutionError } from 'hamilton-ts';
import { HAMILTON_DRIVER, HamiltonModule, InjectDriver } from 'hamilton-ts/nestjs';

/** A client the feature set gets through Nest's DI; `calls` shows which instance the graph really used. */
@Injectable()
class GreetingClient {
  readonly calls: string[] = [];
  prefix = 'Hello';
  async greet(name: string): Promise<string> {
    this.calls.push(name);
    return `${this.prefix}, ${name}`;
  }
}

@Injectable()
class Greetings {
  constructor(private readonly client: GreetingClient) {}

  @node({ doc: 'The greeting from the injected client.' })
  async greeting(name: string): Promise<string> {
    return this.client.greet(name);
  }

  shout(greeting: string, punctuation: string): string {
    return `${greeting.toUpperCase()}${punctuation}`;
  }
}

@Controller()
class GreetController {
  constructor(@InjectDriver() private readonly dr: AsyncDriver<Record<string, unknown>>) {}

  @Post('greet')
  async greet(@Body() body: { name: string }): Promise<Record<string, unknown>> {
    return this.dr.execute(['greeting', 'shout'], { inputs: { name: body.name } });
  }

  @Get('fail')
  async fail(@Query('greeting') greeting: string): Promise<unknown> {
    // A number where shout() expects a string: the node throws, the driver rejects.
    return this.dr.execute(['shout'], { overrides: { greeting: Number(greeting) } });
  }
}

/** A real app on 127.0.0.1, on a port the OS picks. */
async function listen(module: unknown): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(module as never, { logger: false, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('HamiltonModule (NestJS)', () => {
  describe('a real app over HTTP', () => {
    @Module({
      imports: [HamiltonModule.forRoot({ modules: [Greetings], config: { punctuation: '!' }, providers: [GreetingClient] })],
      controllers: [GreetController],
    })
    class AppModule {}

    let app: INestApplication;
    let url: string;
    before(async () => ({ app, url } = await listen(AppModule)));
    after(async () => app?.close());

    it('serves requests through the injected AsyncDriver, config feeding nodes as inputs', async () => {
      const { status, json } = await post(`${url}/greet`, { name: 'Ada' });
      expect(status).to.equal(201);
      expect(json).to.deep.equal({ greeting: 'Hello, Ada', shout: 'HELLO, ADA!' });
    });

    it('builds the graph from the instances Nest created (the feature set holds the injected client)', async () => {
      const client = app.get(GreetingClient);
      client.prefix = 'Bonjour'; // changing Nest's instance changes what the driver computes
      const { json } = await post(`${url}/greet`, { name: 'Grace' });
      client.prefix = 'Hello';
      expect(json.greeting).to.equal('Bonjour, Grace');
      expect(client.calls).to.include('Grace');
      expect(app.get(HAMILTON_DRIVER)).to.be.instanceOf(AsyncDriver);
    });

    it('answers many concurrent requests, each with its own inputs', async () => {
      const names = Array.from({ length: 20 }, (_, i) => `user${i}`);
      const replies = await Promise.all(names.map((name) => post(`${url}/greet`, { name })));
      expect(replies.map((r) => r.json.greeting)).to.deep.equal(names.map((n) => `Hello, ${n}`));
    });

    it('a failing node is a 500 for that request, and the service keeps serving', async () => {
      const failed = await fetch(`${url}/fail?greeting=42`);
      expect(failed.status).to.equal(500);
      const { status, json } = await post(`${url}/greet`, { name: 'Linus' });
      expect(status).to.equal(201);
      expect(json.shout).to.equal('HELLO, LINUS!');
    });
  });

  it('the failure the handler saw is a NodeExecutionError naming the node', async () => {
    @Module({ imports: [HamiltonModule.forRoot({ modules: [Greetings], providers: [GreetingClient] })] })
    class FailModule {}
    const app = await NestFactory.createApplicationContext(FailModule, { logger: false, abortOnError: false });
    try {
      const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
      const error = await dr.execute(['shout'], { inputs: { name: 'x', punctuation: '?' }, overrides: { greeting: 42 } }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect((error as NodeExecutionError).message).to.contain("'shout'");
    } finally {
      await app.close();
    }
  });

  it('takes the clients from imported modules, and several drivers under their own tokens', async () => {
    @Module({ providers: [GreetingClient], exports: [GreetingClient] })
    class ClientModule {}
    const LOUD = Symbol('loud');
    const QUIET = 'quiet-driver';
    @Module({
      imports: [
        HamiltonModule.forRoot({ modules: [Greetings], config: { punctuation: '!!!' }, imports: [ClientModule], token: LOUD }),
        HamiltonModule.forRoot({ modules: [Greetings], config: { punctuation: '.' }, imports: [ClientModule], token: QUIET, async: false }),
      ],
    })
    class TwoDrivers {}
    const app = await NestFactory.createApplicationContext(TwoDrivers, { logger: false, abortOnError: false });
    try {
      const loud = app.get<AsyncDriver<Record<string, unknown>>>(LOUD);
      const quiet = app.get<Driver<Record<string, unknown>>>(QUIET);
      expect(loud).to.be.instanceOf(AsyncDriver);
      expect(quiet).to.be.instanceOf(Driver);
      expect((await loud.execute(['shout'], { inputs: { name: 'a' } })).shout).to.equal('HELLO, A!!!');
      // The sync driver cannot await the async greeting: it is given as an override instead.
      expect(quiet.execute(['shout'], { overrides: { greeting: 'hi' } }).shout).to.equal('HI.');
      // Both drivers' feature sets got the one client instance the imported module exports.
      await loud.execute(['greeting'], { inputs: { name: 'shared' } });
      expect(app.get(GreetingClient).calls).to.include('shared');
    } finally {
      await app.close();
    }
  });

  it('uses feature-set instances as they are, next to classes', async () => {
    class Constant {
      punctuation(): string {
        return '?';
      }
    }
    const instance = new Constant();
    @Module({ imports: [HamiltonModule.forRoot({ modules: [Greetings, instance], providers: [GreetingClient] })] })
    class Mixed {}
    const app = await NestFactory.createApplicationContext(Mixed, { logger: false, abortOnError: false });
    try {
      const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
      expect(await dr.execute(['shout'], { inputs: { name: 'q' } })).to.deep.equal({ shout: 'HELLO, Q?' });
    } finally {
      await app.close();
    }
  });

  it('a graph error fails the app at start-up, not at the first request', async () => {
    class AlsoGreeting {
      greeting(name: string): string {
        return name;
      }
    }
    @Module({ imports: [HamiltonModule.forRoot({ modules: [Greetings, AlsoGreeting], providers: [GreetingClient] })] })
    class Broken {}
    const error = await NestFactory.createApplicationContext(Broken, { logger: false, abortOnError: false }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DuplicateNodeError);
  });

  it('rejects options without feature sets with a clear error', () => {
    expect(() => HamiltonModule.forRoot({ modules: [] })).to.throw(HamiltonError, /modules.*empty/);
    expect(() => HamiltonModule.forRoot({} as never)).to.throw(HamiltonError, /`modules` array/);
  });

  describe('forRootAsync', () => {
    const SETTINGS = Symbol('settings');

    @Module({ providers: [{ provide: SETTINGS, useValue: { punctuation: '?' } }], exports: [SETTINGS] })
    class SettingsModule {}

    @Module({
      imports: [
        HamiltonModule.forRootAsync({
          modules: [Greetings],
          providers: [GreetingClient],
          imports: [SettingsModule],
          inject: [SETTINGS],
          useFactory: async (settings: { punctuation: string }) => ({ config: { punctuation: settings.punctuation } }),
        }),
      ],
      controllers: [GreetController],
    })
    class AsyncConfigured {}

    it('builds the driver from options a factory computes when the app starts', async () => {
      const { app, url } = await listen(AsyncConfigured);
      try {
        const { status, json } = await post(`${url}/greet`, { name: 'Ada' });
        expect(status).to.equal(201);
        expect(json).to.deep.equal({ greeting: 'Hello, Ada', shout: 'HELLO, ADA?' });
      } finally {
        await app.close();
      }
    });

    it('rejects options without a factory', () => {
      expect(() => HamiltonModule.forRootAsync({ modules: [Greetings] })).to.throw(HamiltonError, /useFactory/);
    });
  });
});

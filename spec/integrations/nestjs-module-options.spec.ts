import { expect } from 'chai';
import { threadId } from 'node:worker_threads';
import { Controller, Get, Inject, Injectable, Module, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AsyncDriver, DuplicateNodeError, HamiltonError, LocalExecutor, WorkerPoolExecutor, type Executor } from 'hamilton-ts';
import { HAMILTON_DRIVER, HamiltonModule, InjectDriver, type HamiltonOptionsFactory, type HamiltonRuntimeOptions } from 'hamilton-ts/nestjs';
import { ThreadFeatures } from './nestjs-thread-features.js';

const quiet = { logger: false, abortOnError: false } as const;

class Greeting {
  greeting(name: string, punctuation: string): string {
    return `Hello, ${name}${punctuation}`;
  }
}

/** Counts the closes of a real executor (the close itself still runs). */
function countingCloses<T extends Executor>(executor: T, fail?: Error): T & { closes: number } {
  const counted = Object.assign(executor, { closes: 0 });
  const close = executor.close?.bind(executor);
  counted.close = async () => {
    counted.closes++;
    await close?.();
    if (fail) throw fail;
  };
  return counted;
}

describe('HamiltonModule options (NestJS)', () => {
  describe('executor', function () {
    this.timeout(60000);

    it('runs the nodes on the executor given, and closes it when the app shuts down', async () => {
      const pool = countingCloses(new WorkerPoolExecutor({ threads: 1 }));
      @Module({ imports: [HamiltonModule.forRoot({ modules: [ThreadFeatures], executor: pool })] })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      try {
        const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
        const { whereRun } = (await dr.execute(['whereRun'], { inputs: { label: 'x' } })) as { whereRun: { label: string; thread: number } };
        expect(whereRun.label).to.equal('x');
        expect(whereRun.thread).to.not.equal(threadId); // a worker thread ran it
        expect(pool.closes).to.equal(0);
      } finally {
        await app.close();
      }
      expect(pool.closes).to.equal(1);
    });

    it('closes an executor the forRootAsync factory made', async () => {
      const made: (Executor & { closes: number })[] = [];
      @Module({
        imports: [
          HamiltonModule.forRootAsync({
            modules: [Greeting],
            useFactory: () => {
              made.push(countingCloses(new LocalExecutor()));
              return { config: { punctuation: '!' }, executor: made[0] };
            },
          }),
        ],
      })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
      expect(await dr.execute(['greeting'], { inputs: { name: 'Ada' } })).to.deep.equal({ greeting: 'Hello, Ada!' });
      await app.close();
      expect(made).to.have.length(1);
      expect(made[0].closes).to.equal(1);
    });

    it('closes an executor two drivers share once', async () => {
      const shared = countingCloses(new LocalExecutor());
      @Module({
        imports: [
          HamiltonModule.forRoot({ modules: [Greeting], config: { punctuation: '!' }, executor: shared, token: 'loud' }),
          HamiltonModule.forRoot({ modules: [Greeting], config: { punctuation: '.' }, executor: shared, token: 'calm' }),
        ],
      })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      expect(await app.get<AsyncDriver<Record<string, unknown>>>('calm').execute(['greeting'], { inputs: { name: 'B' } })).to.deep.equal({
        greeting: 'Hello, B.',
      });
      await app.close();
      expect(shared.closes).to.equal(1);
    });

    it('closes the executor when the driver fails to build (the app never starts, so no shutdown hook would)', async () => {
      const pool = countingCloses(new LocalExecutor());
      class AlsoGreeting {
        greeting(name: string): string {
          return name;
        }
      }
      @Module({ imports: [HamiltonModule.forRoot({ modules: [Greeting, AlsoGreeting], executor: pool })] })
      class Broken {}
      const error = await NestFactory.createApplicationContext(Broken, quiet).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(DuplicateNodeError);
      expect(pool.closes).to.equal(1);
    });

    it('logs a failing close and still shuts the app down', async () => {
      const pool = countingCloses(new LocalExecutor(), new Error('connection reset'));
      const logged: string[] = [];
      const logger: LoggerService = { log() {}, warn() {}, error: (message: unknown) => logged.push(String(message)) };
      @Module({ imports: [HamiltonModule.forRoot({ modules: [Greeting], executor: pool })] })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, { logger, abortOnError: false });
      await app.close();
      expect(pool.closes).to.equal(1);
      expect(logged).to.deep.equal(["Closing the driver's executor on application shutdown failed: Error: connection reset"]);
    });

    it('refuses something that is not an executor when the app starts', async () => {
      @Module({ imports: [HamiltonModule.forRoot({ modules: [Greeting], executor: { close: async () => undefined } as never })] })
      class AppModule {}
      const error = await NestFactory.createApplicationContext(AppModule, quiet).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HamiltonError);
    });
  });

  describe('isGlobal', () => {
    @Controller()
    class ElsewhereController {
      constructor(@InjectDriver() readonly dr: AsyncDriver<Record<string, unknown>>) {}
      @Get('x')
      x(): string {
        return 'x';
      }
    }
    /** A feature module that does not import HamiltonModule. */
    @Module({ controllers: [ElsewhereController] })
    class Elsewhere {}

    for (const flag of [{ isGlobal: true }, { global: true }]) {
      it(`${JSON.stringify(flag)}: a module that does not import HamiltonModule injects the driver`, async () => {
        @Module({ imports: [HamiltonModule.forRoot({ modules: [Greeting], config: { punctuation: '?' }, ...flag }), Elsewhere] })
        class AppModule {}
        const app = await NestFactory.createApplicationContext(AppModule, quiet);
        try {
          const dr = app.get(ElsewhereController).dr;
          expect(await dr.execute(['greeting'], { inputs: { name: 'G' } })).to.deep.equal({ greeting: 'Hello, G?' });
        } finally {
          await app.close();
        }
      });
    }

    it('without it, such a module cannot resolve the driver (the module is not global by default)', async () => {
      @Module({ imports: [HamiltonModule.forRoot({ modules: [Greeting] }), Elsewhere] })
      class AppModule {}
      const error = await NestFactory.createApplicationContext(AppModule, quiet).catch((e: unknown) => e);
      expect(String((error as Error).message)).to.match(/resolve dependencies of the ElsewhereController/);
    });
  });

  describe('forRootAsync with useClass and useExisting', () => {
    const SETTINGS = Symbol('settings');
    @Module({ providers: [{ provide: SETTINGS, useValue: { punctuation: ';' } }], exports: [SETTINGS] })
    class SettingsModule {}

    @Injectable()
    class HamiltonConfig implements HamiltonOptionsFactory {
      static calls = 0;
      static askedOf: HamiltonConfig[] = [];
      constructor(@Inject(SETTINGS) private readonly settings: { punctuation: string }) {}
      async createHamiltonOptions(): Promise<HamiltonRuntimeOptions> {
        HamiltonConfig.calls++;
        HamiltonConfig.askedOf.push(this);
        return { config: { punctuation: this.settings.punctuation } };
      }
    }

    it('useClass: the module provides the factory class, with its dependencies from imports', async () => {
      HamiltonConfig.calls = 0;
      @Module({ imports: [HamiltonModule.forRootAsync({ modules: [Greeting], imports: [SettingsModule], useClass: HamiltonConfig })] })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      try {
        const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
        expect(await dr.execute(['greeting'], { inputs: { name: 'C' } })).to.deep.equal({ greeting: 'Hello, C;' });
        expect(HamiltonConfig.calls).to.equal(1);
      } finally {
        await app.close();
      }
    });

    it('useExisting: the factory an imported module exports, that very instance', async () => {
      @Module({ imports: [SettingsModule], providers: [HamiltonConfig], exports: [HamiltonConfig] })
      class ConfigModule {}
      HamiltonConfig.calls = 0;
      HamiltonConfig.askedOf = [];
      @Module({ imports: [ConfigModule, HamiltonModule.forRootAsync({ modules: [Greeting], imports: [ConfigModule], useExisting: HamiltonConfig })] })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      try {
        const dr = app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER);
        expect(await dr.execute(['greeting'], { inputs: { name: 'E' } })).to.deep.equal({ greeting: 'Hello, E;' });
        expect(HamiltonConfig.calls).to.equal(1);
        expect(HamiltonConfig.askedOf[0]).to.equal(app.select(ConfigModule).get(HamiltonConfig));
      } finally {
        await app.close();
      }
    });

    it('the static options win over what the factory returns (the feature sets are fixed when the app is assembled)', async () => {
      class Sneaky implements HamiltonOptionsFactory {
        createHamiltonOptions(): HamiltonRuntimeOptions {
          return { config: { punctuation: '~' }, modules: [] } as HamiltonRuntimeOptions;
        }
      }
      @Module({ imports: [HamiltonModule.forRootAsync({ modules: [Greeting], useClass: Sneaky })] })
      class AppModule {}
      const app = await NestFactory.createApplicationContext(AppModule, quiet);
      try {
        expect(await app.get<AsyncDriver<Record<string, unknown>>>(HAMILTON_DRIVER).execute(['greeting'], { inputs: { name: 'S' } })).to.deep.equal({
          greeting: 'Hello, S~',
        });
      } finally {
        await app.close();
      }
    });

    it('wants exactly one options source, and a factory with createHamiltonOptions()', async () => {
      expect(() => HamiltonModule.forRootAsync({ modules: [Greeting] })).to.throw(
        HamiltonError,
        /no options source given.*useFactory.*useClass.*useExisting/,
      );
      expect(() => HamiltonModule.forRootAsync({ modules: [Greeting], useClass: HamiltonConfig, useFactory: () => ({}) })).to.throw(
        HamiltonError,
        /more than one/,
      );
      expect(() => HamiltonModule.forRootAsync({ modules: [Greeting], useClass: 'HamiltonConfig' as never })).to.throw(
        HamiltonError,
        /'HamiltonConfig' is not a function or class/,
      );
      class NoMethod {}
      @Module({ imports: [HamiltonModule.forRootAsync({ modules: [Greeting], useClass: NoMethod as never })] })
      class AppModule {}
      const error = await NestFactory.createApplicationContext(AppModule, quiet).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HamiltonError);
      expect((error as Error).message).to.contain('NoMethod has no createHamiltonOptions() method');
    });
  });

  it('HamiltonModule imported without forRoot starts (and has nothing to close)', async () => {
    @Module({ imports: [HamiltonModule] })
    class Bare {}
    const app = await NestFactory.createApplicationContext(Bare, quiet);
    await app.close();
  });
});

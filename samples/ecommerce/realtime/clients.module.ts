import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { openDatabase, type DatabaseChoice } from '../clients/open-database.js';
import { SqlClient } from '../clients/sql-client.js';
import { TrainingStore } from '../clients/training-store.js';
import { ConversionModel, type StoredModel } from '../model/conversion-model.js';
import { Clock } from './clock.js';

/** Options of the service's clients. */
export interface ClientOptions extends DatabaseChoice {
  /** A database client to use instead of opening one (tests, benchmarks); it is then not closed here. */
  readonly db?: SqlClient;
  /** The execution time of every request; default: the clock. */
  readonly asOf?: Date;
}

const OWNS_DB = Symbol('ecommerce:owns-db');

/**
 * The clients the feature sets and the controller get through Nest's DI: the database, the training store
 * (stored aggregates), the model batch trained, and the clock. The model is loaded while the app starts, so
 * a missing model fails the start, not the first request.
 */
@Module({})
export class ClientsModule implements OnApplicationShutdown {
  constructor(
    private readonly db: SqlClient,
    @Inject(OWNS_DB) private readonly ownsDb: boolean,
  ) {}

  static register(options: ClientOptions): DynamicModule {
    return {
      module: ClientsModule,
      providers: [
        { provide: SqlClient, useFactory: () => options.db ?? openDatabase(options) },
        { provide: OWNS_DB, useValue: !options.db },
        TrainingStore,
        {
          provide: ConversionModel,
          useFactory: async (store: TrainingStore) => ConversionModel.load((await store.model()) as StoredModel),
          inject: [TrainingStore],
        },
        { provide: Clock, useValue: new Clock(options.asOf) },
      ],
      exports: [SqlClient, TrainingStore, ConversionModel, Clock],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }
}

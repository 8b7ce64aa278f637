import { Module, type DynamicModule } from '@nestjs/common';
import { HamiltonModule } from 'hamilton-ts/nestjs';
import { FEATURE_SETS } from '../features/index.js';
import { ClientsModule, type ClientOptions } from './clients.module.js';
import { PREDICT_DEADLINE, PredictController } from './predict.controller.js';

export interface ServiceOptions extends ClientOptions {
  /** Per-request deadline of the feature computation, in ms (default 2000; 0: none). */
  readonly deadlineMs?: number;
}

/**
 * The real-time app: the feature-set classes are Nest providers (HamiltonModule registers them) whose
 * clients come from ClientsModule; the driver runs them with config mode 'realtime'.
 */
@Module({})
export class EcommerceServiceModule {
  static register(options: ServiceOptions = {}): DynamicModule {
    const clients = ClientsModule.register(options);
    return {
      module: EcommerceServiceModule,
      imports: [clients, HamiltonModule.forRoot({ modules: [...FEATURE_SETS], config: { mode: 'realtime' }, imports: [clients] })],
      controllers: [PredictController],
      providers: [{ provide: PREDICT_DEADLINE, useValue: options.deadlineMs ?? 2000 }],
      // Apps that add their own handlers next to /predict get the same clients (one database pool).
      exports: [clients],
    };
  }
}

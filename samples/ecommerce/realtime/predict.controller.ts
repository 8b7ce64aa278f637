import { Body, Controller, HttpCode, Inject, Post, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import type { DataFrame, Series } from 'danfojs';
import type { AsyncDriver } from 'hamilton-ts';
import { InjectDriver } from 'hamilton-ts/nestjs';
import { ConversionModel } from '../model/conversion-model.js';
import { namedFeatures } from '../streaming/scorer.js';
import { SurveyRecordDto } from '../survey-record.dto.js';
import { featureRows, missingFeatures } from '../vectors.js';
import { Clock } from './clock.js';

/** Per-request deadline: a slow lookup answers 503 instead of holding the connection. */
export const PREDICT_DEADLINE = Symbol('ecommerce:predict-deadline-ms');

/** The answer of `POST /predict`. */
export interface PredictResponse {
  readonly clientId: number;
  readonly converted: 0 | 1;
  readonly probability: number;
  /** The feature vector the model scored (the same in batch and streaming, for the same record). */
  readonly features: Record<string, number>;
}

/** Real time: the talk's app.py. One survey answer in, its features (mode 'realtime') and prediction out. */
@Controller()
export class PredictController {
  constructor(
    @InjectDriver() private readonly dr: AsyncDriver<Record<string, unknown>>,
    private readonly model: ConversionModel,
    private readonly clock: Clock,
    @Inject(PREDICT_DEADLINE) private readonly deadlineMs: number,
  ) {}

  @Post('predict')
  @HttpCode(200)
  async predict(@Body() body: SurveyRecordDto): Promise<PredictResponse> {
    const surveyRecord = { clientId: body.clientId, budget: body.budget, age: body.age, gender: body.gender };
    let out: Record<string, unknown>;
    try {
      out = await this.dr.execute(['clientId', 'featureSetV1'], {
        inputs: { surveyRecord, executionTime: this.clock.now() },
        signal: AbortSignal.timeout(this.deadlineMs),
      });
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') throw new ServiceUnavailableException(`features took longer than ${this.deadlineMs} ms`);
      throw error;
    }
    const [row] = featureRows(out.clientId as Series, out.featureSetV1 as DataFrame);
    const missing = missingFeatures(row);
    if (missing.length > 0) {
      throw new UnprocessableEntityException({ statusCode: 422, message: `no prediction for client ${row.clientId}: missing ${missing.join(', ')} (no login on record?)`, missing });
    }
    const [prediction] = this.model.predict([row.features]);
    return { clientId: row.clientId, converted: prediction.converted, probability: prediction.probability, features: namedFeatures(row) };
  }
}

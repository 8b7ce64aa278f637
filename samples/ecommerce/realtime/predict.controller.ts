import { Body, Controller, HttpCode, Inject, Post, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import type { DataFrame, Series } from 'danfojs';
import type { AsyncDriver } from 'hamilton-ts';
import { InjectDriver } from 'hamilton-ts/nestjs';
import { ConversionModel } from '../model/conversion-model.js';
import { namedFeatures } from '../streaming/scorer.js';
import { SurveyRecordDto } from '../survey-record.dto.js';
import { featureRows, missingFeatures } from '../vectors.js';
import { Clock } from './clock.js';

/** The reason a run is aborted at its deadline. */
class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/** Per-request deadline in ms (0: none): a slow lookup answers 503 instead of holding the connection. */
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
    const inputs = { surveyRecord, executionTime: this.clock.now() };
    let out: Record<string, unknown>;
    if (this.deadlineMs > 0) {
      // A controller and a timer cleared on completion: cheaper than AbortSignal.timeout(), whose timer
      // outlives the request, and the run is cancelled (no node starts after the deadline).
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new DeadlineExceeded()), this.deadlineMs);
      try {
        out = await this.dr.execute(['clientId', 'featureSetV1'], { inputs, signal: deadline.signal });
      } catch (error) {
        if (error instanceof DeadlineExceeded) throw new ServiceUnavailableException(`features took longer than ${this.deadlineMs} ms`);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    } else {
      out = await this.dr.execute(['clientId', 'featureSetV1'], { inputs });
    }
    const [row] = featureRows(out.clientId as Series, out.featureSetV1 as DataFrame);
    const missing = missingFeatures(row);
    if (missing.length > 0) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        message: `no prediction for client ${row.clientId}: missing ${missing.join(', ')} (no login on record?)`,
        missing,
      });
    }
    const [prediction] = this.model.predict([row.features]);
    return { clientId: row.clientId, converted: prediction.converted, probability: prediction.probability, features: namedFeatures(row) };
  }
}

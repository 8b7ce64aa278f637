import { Injectable } from '@nestjs/common';
import { Series } from 'danfojs';
import { configWhen, configWhenIn, node, tag } from 'hamilton-ts';
import { TrainingStore } from '../clients/training-store.js';

/**
 * Aggregations: batch computes them over the training rows; streaming and real time see a handful of rows,
 * where a mean means nothing, so they read the values batch stored (no training/serving skew).
 */
@Injectable()
export class AgeAggregates {
  constructor(private readonly training: TrainingStore) {}

  @node({ doc: 'Mean age over the training rows.' })
  @configWhen({ mode: 'batch' })
  @tag({ owner: 'data-science' })
  ageMean__batch(age: Series): number {
    return age.mean();
  }

  @node({ doc: 'Sample standard deviation of age over the training rows.' })
  @configWhen({ mode: 'batch' })
  @tag({ owner: 'data-science' })
  ageStddev__batch(age: Series): number {
    return age.std();
  }

  @node({ doc: 'Mean age, as stored by the last batch training.' })
  @configWhenIn({ mode: ['streaming', 'realtime'] })
  @tag({ source: 'db.training_artifacts', owner: 'data-science' })
  async ageMean__stored(): Promise<number> {
    return (await this.training.aggregates()).ageMean;
  }

  @node({ doc: 'Standard deviation of age, as stored by the last batch training.' })
  @configWhenIn({ mode: ['streaming', 'realtime'] })
  @tag({ source: 'db.training_artifacts', owner: 'data-science' })
  async ageStddev__stored(): Promise<number> {
    return (await this.training.aggregates()).ageStddev;
  }

  @node({ doc: 'Age in standard deviations from the training mean.' })
  @tag({ owner: 'data-science' })
  ageNormalized(age: Series, ageMean: number, ageStddev: number): Series {
    return age.sub(ageMean).div(ageStddev);
  }
}

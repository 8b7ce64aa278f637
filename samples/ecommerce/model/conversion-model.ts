import { Matrix } from 'ml-matrix';
import LogisticRegression from 'ml-logistic-regression';
import { FEATURE_COLUMNS } from '../records.js';

/** What the model stores: the feature names it was trained on, the scaling, and the mljs model itself. */
export interface StoredModel {
  readonly kind: 'conversion-logistic-regression';
  readonly features: readonly string[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly regression: object;
  readonly trainingAccuracy: number;
}

export interface Prediction {
  /** 1 when the client is predicted to buy within 30 days. */
  readonly converted: 0 | 1;
  /** The model's probability of that. */
  readonly probability: number;
}

/**
 * Will a client buy within 30 days? A logistic regression (ml-logistic-regression) on featureSetV1. Inputs
 * are standardized inside the model, with the training means and scales stored beside the weights, so
 * serving applies exactly the training transformation; a constant column is the intercept.
 */
export class ConversionModel {
  private constructor(
    private readonly regression: LogisticRegression,
    private readonly means: readonly number[],
    private readonly scales: readonly number[],
    readonly trainingAccuracy: number,
  ) {}

  /** Trains on feature rows (FEATURE_COLUMNS order) and 0/1 labels. */
  static train(rows: readonly (readonly number[])[], labels: readonly number[]): ConversionModel {
    if (rows.length === 0 || rows.length !== labels.length) throw new Error(`cannot train on ${rows.length} rows and ${labels.length} labels`);
    const width = rows[0].length;
    const means = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    const scales = means.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / rows.length) || 1);
    const regression = new LogisticRegression({ numSteps: 2000, learningRate: 1 / rows.length });
    regression.train(design(rows, means, scales), Matrix.columnVector([...labels]));
    const model = new ConversionModel(regression, means, scales, 0);
    const hits = model.predict(rows).filter((p, i) => p.converted === labels[i]).length;
    return new ConversionModel(regression, means, scales, hits / rows.length);
  }

  static load(stored: StoredModel): ConversionModel {
    if (stored.kind !== 'conversion-logistic-regression' || stored.features.join() !== FEATURE_COLUMNS.join()) {
      throw new Error(`the stored model reads [${stored.features.join(', ')}], not featureSetV1's [${FEATURE_COLUMNS.join(', ')}]: retrain it`);
    }
    return new ConversionModel(LogisticRegression.load(stored.regression), stored.means, stored.scales, stored.trainingAccuracy);
  }

  predict(rows: readonly (readonly number[])[]): Prediction[] {
    if (rows.length === 0) return [];
    const X = design(rows, this.means, this.scales);
    const classes = this.regression.predict(X);
    // ml-logistic-regression is one-vs-all: classifier 1 scores "not class 1", so P(converted) = 1 - score.
    const notConverted = this.regression.classifiers[1]?.testScores(X) ?? rows.map(() => 1);
    return classes.map((c, i) => ({ converted: c === 1 ? 1 : 0, probability: 1 - notConverted[i] }));
  }

  toJSON(): StoredModel {
    return {
      kind: 'conversion-logistic-regression',
      features: [...FEATURE_COLUMNS],
      means: this.means,
      scales: this.scales,
      regression: this.regression.toJSON(),
      trainingAccuracy: this.trainingAccuracy,
    };
  }
}

/** Standardized rows with a leading constant 1 (the intercept). */
function design(rows: readonly (readonly number[])[], means: readonly number[], scales: readonly number[]): Matrix {
  return new Matrix(rows.map((r) => [1, ...r.map((v, j) => (v - means[j]) / scales[j])]));
}

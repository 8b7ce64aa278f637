import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { DataFrame, Series } from 'danfojs';
import { checkOutput, extractColumns, node } from 'hamilton-ts';
import { readCsv } from './csv.js';

/**
 * A CSV shipped with the sample. Compiled, this file runs from dist/samples/data-quality/, where the CSVs
 * are not copied; under ts-node it runs next to them. Either way the path does not depend on the cwd.
 */
export function shippedCsv(name: string): string {
  const candidates = [path.join(__dirname, name), path.join(__dirname, '..', '..', '..', 'samples', 'data-quality', name)];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

/** What one survey answer must look like: class-validator rules, checked on every row of the frame. */
export class SurveyRow {
  @IsInt()
  @Min(1)
  respondent!: number;

  /** Centimetres; NaN (an empty cell) is not a number for `@IsNumber()`. */
  @IsNumber()
  @Min(50)
  @Max(250)
  height!: number;

  @IsInt()
  @Min(18)
  @Max(120)
  age!: number;

  @IsIn(['f', 'm', 'x'])
  gender!: string;

  @IsNumber()
  @Min(0)
  budget!: number;
}

/** Loads the survey; each column is a node. Bad rows are reported (warn) and the analysis goes on. */
export class SurveyData {
  @checkOutput({ schema: SurveyRow, target: 'surveyResults' })
  @extractColumns('height', 'age', 'gender', 'budget')
  @node({ doc: 'The survey answers, one row per respondent.' })
  surveyResults(surveyPath: string): DataFrame {
    const columns = readCsv(surveyPath);
    // Rows labelled by respondent id, so failed checks name respondents rather than line positions.
    return new DataFrame(columns, { index: columns.respondent as number[] });
  }
}

/** The first Hamilton talk's height features; the normalized height must be sane, or the run stops. */
export class HeightFeatures {
  @node({ doc: 'Mean height in cm (missing values skipped).' })
  heightMean(height: Series): number {
    return height.mean();
  }

  @node({ doc: 'Standard deviation of height in cm.' })
  heightStdDev(height: Series): number {
    return height.std();
  }

  @node({ doc: 'Height minus its mean.' })
  heightZeroMean(height: Series, heightMean: number): Series {
    return height.sub(heightMean);
  }

  @checkOutput({ dataType: Number, range: [-5, 5], allowNans: false, importance: 'fail' })
  @node({ doc: 'Height scaled to zero mean and unit variance.' })
  heightZeroMeanUnitVariance(heightZeroMean: Series, heightStdDev: number): Series {
    return heightZeroMean.div(heightStdDev);
  }
}

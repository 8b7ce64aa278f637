import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNumber, Max, Min, validateSync, type ValidationError } from 'class-validator';
import type { SurveyRecord } from './records.js';

export const GENDERS = ['male', 'female', 'other'] as const;

/**
 * One survey answer as it may arrive from outside (a `/predict` body, a stream event): the same rules for
 * both, so the stream rejects exactly what the service answers with a 400.
 */
export class SurveyRecordDto implements SurveyRecord {
  @IsInt()
  @Min(1)
  clientId!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  budget!: number;

  @IsInt()
  @Min(13)
  @Max(120)
  age!: number;

  @IsIn(GENDERS)
  gender!: string;
}

/** Field name -> what is wrong with it, from class-validator's errors. */
export function fieldErrors(errors: readonly ValidationError[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) fields[error.property] = Object.values(error.constraints ?? { invalid: `${error.property} is invalid` });
  return fields;
}

/** Checks a decoded event: the record (only its four fields) or its field errors. */
export function checkSurveyRecord(value: unknown): { record: SurveyRecord } | { errors: Record<string, string[]> } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { errors: { record: ['must be a JSON object'] } };
  const dto = plainToInstance(SurveyRecordDto, value);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { errors: fieldErrors(errors) };
  return { record: { clientId: dto.clientId, budget: dto.budget, age: dto.age, gender: dto.gender } };
}

import { BadRequestException, Injectable, Logger, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** A survey answer is four scalars; these bounds leave room for any honest body and none for a hostile one. */
export const BODY_LIMITS = { depth: 32, values: 1000 } as const;

/** Keys that reach an object's prototype when a library copies or merges the body. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Runs before the ValidationPipe and refuses a body it could not survive: nested deeper than
 * `BODY_LIMITS.depth` (class-transformer and the pipe recurse per level, and a body nested about 2,000
 * levels overflowed the stack: a 500), more than `BODY_LIMITS.values` values (each unknown field
 * would become an error message), or a prototype key anywhere (`__proto__`, `constructor`, `prototype`).
 * The answer is the pipe's own 400 shape; the log gets one line.
 */
@Injectable()
export class BodyShapePipe implements PipeTransform {
  private readonly logger = new Logger('BodyShapePipe');

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const problem = bodyProblem(value);
    if (problem === undefined) return value;
    this.logger.warn(`400 rejected ${metadata.metatype?.name ?? 'request'} body: ${problem}`);
    throw new BadRequestException({ statusCode: 400, message: 'Invalid request body', errors: { body: [problem] } });
  }
}

/** What makes a parsed JSON body hostile, or undefined. Iterative: no depth of input can overflow it. */
export function bodyProblem(body: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: body, depth: 1 }];
  let values = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (++values > BODY_LIMITS.values) return `more than ${BODY_LIMITS.values} values`;
    if (value === null || typeof value !== 'object') continue;
    if (depth > BODY_LIMITS.depth) return `nested deeper than ${BODY_LIMITS.depth} levels`;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `key '${key}' is not allowed`;
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

import { BadRequestException, HttpException, HttpStatus, InternalServerErrorException, UnprocessableEntityException } from '@nestjs/common';
import { Messages } from '../../constants/messages.js';
import {
  DataValidationError,
  MissingInputError,
  NodeExecutionError,
  TypeMismatchError,
  UnknownNodeError,
  type HamiltonError,
} from '../../errors/index.js';

/** One failed `@checkOutput` check as a client sees it (diagnostics stay on the server: they may hold rows). */
export interface FailedCheckBody {
  readonly node: string;
  readonly check: string;
  readonly importance: string;
  readonly message: string;
}

/**
 * The HTTP answer to a `HamiltonError` a request handler let through, in Nest's body shape
 * `{ statusCode, message, error }` plus a field that lists the details a client can act on:
 *
 * | error | status | detail field |
 * |---|---|---|
 * | `MissingInputError` | 400 | `missing: ['age']` |
 * | `UnknownNodeError` (an unknown output) | 400 | `unknown: [{ name, suggestions }]` |
 * | `TypeMismatchError` (an input of the wrong type) | 422 | `mismatches: [{ input, expected, actual }]` |
 * | `DataValidationError` | 422 | `checks: [{ node, check, importance, message }]` |
 * | `NodeExecutionError` | 500 (the cause's own status if a node threw an `HttpException`) | none |
 * | any other `HamiltonError` | 500 | none |
 *
 * A 5xx body says only "Internal server error": which node failed, and why, is for the log.
 */
export function httpExceptionOf(error: HamiltonError): HttpException {
  const options = { cause: error };
  if (error instanceof MissingInputError) {
    const missing = error.missing.map((m) => m.input);
    return new BadRequestException(body(HttpStatus.BAD_REQUEST, Messages.http.missingInputs(missing), 'Bad Request', { missing }), options);
  }
  if (error instanceof UnknownNodeError) {
    const lines = error.unknown.map((u) => Messages.unknownNode(u.name, u.suggestions));
    const unknown = error.unknown.map((u) => ({ name: u.name, suggestions: [...u.suggestions] }));
    return new BadRequestException(body(HttpStatus.BAD_REQUEST, Messages.http.unknownOutputs(lines), 'Bad Request', { unknown }), options);
  }
  if (error instanceof TypeMismatchError) {
    const mismatches = error.mismatches.map((m) => ({ input: m.parameter, expected: m.expectedType, actual: m.actualType }));
    const message = Messages.http.inputTypes(mismatches.map((m) => Messages.http.inputType(m.input, m.expected, m.actual)));
    return new UnprocessableEntityException(body(HttpStatus.UNPROCESSABLE_ENTITY, message, 'Unprocessable Entity', { mismatches }), options);
  }
  if (error instanceof DataValidationError) {
    const checks: FailedCheckBody[] = error.results.map((r) => ({ node: r.node, check: r.check, importance: r.importance, message: r.message }));
    const message = Messages.http.validationFailed([...new Set(checks.map((c) => c.node))]);
    return new UnprocessableEntityException(body(HttpStatus.UNPROCESSABLE_ENTITY, message, 'Unprocessable Entity', { checks }), options);
  }
  // A node that meant an HTTP answer (threw NotFoundException, say) gets it; the driver wrapped it.
  if (error instanceof NodeExecutionError && error.cause instanceof HttpException) return error.cause;
  return new InternalServerErrorException(body(HttpStatus.INTERNAL_SERVER_ERROR, Messages.http.internal, 'Internal Server Error', {}), options);
}

function body<T extends object>(
  statusCode: number,
  message: string,
  error: string,
  details: T,
): { statusCode: number; message: string; error: string } & T {
  return { statusCode, message, error, ...details };
}

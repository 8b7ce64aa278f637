import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';

/** The shape of the errors Express's body parser raises (the `http-errors` package): a status and `expose`. */
interface ClientRequestError extends Error {
  readonly status: number;
  readonly expose: boolean;
}

function isClientRequestError(error: unknown): error is ClientRequestError {
  const e = error as Partial<ClientRequestError> | null;
  return error instanceof Error && typeof e!.status === 'number' && e!.status >= 400 && e!.status < 500 && e!.expose === true;
}

/**
 * Catches everything, and answers a request the body parser refused before any handler ran (a body over
 * the size limit: 413; an unsupported encoding: 415) in Nest's body shape, with one warning line instead of
 * the stack Nest logs for errors it does not know. Everything else goes on to Nest's own handling. Declared
 * first in `useGlobalFilters`, as Nest asks of catch-all filters, so the specific ones still get their errors.
 */
@Catch()
export class RequestErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('RequestErrorFilter');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (!isClientRequestError(exception)) return super.catch(exception, host);
    const request = host.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
    this.logger.warn(`${exception.status} ${request.method} ${request.originalUrl}: ${exception.message}`);
    const error = STATUS_CODES[exception.status] ?? 'Bad Request';
    super.catch(new HttpException({ statusCode: exception.status, message: exception.message, error }, exception.status), host);
  }
}

import { Catch, Inject, Logger, Optional, type ArgumentsHost, type ExceptionFilter, type HttpException, type HttpServer } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Messages } from '../../constants/messages.js';
import { HamiltonError, NodeExecutionError } from '../../errors/index.js';
import { httpExceptionOf } from './http-exception-of.js';
import { replyWithoutAdapter } from './reply-without-adapter.js';

/**
 * Answers the `HamiltonError`s a handler lets through (usually from `dr.execute`) over HTTP, in Nest's body shape:
 * missing inputs and unknown outputs 400, inputs of the wrong type and failed data validation 422, a failing
 * node (and any other HamiltonError) 500; see `httpExceptionOf` for the bodies. A 5xx is logged with the
 * node's name and the stack of what it threw; the body says only "Internal server error". Other errors are
 * left to Nest's own handling.
 *
 * Opt in globally, as with any Nest filter:
 *
 * @example
 * app.useGlobalFilters(new HamiltonExceptionFilter(app.get(HttpAdapterHost)));
 * // or as a provider (Nest injects the adapter): { provide: APP_FILTER, useClass: HamiltonExceptionFilter },
 * // which HamiltonModule.forRoot({ ..., exceptionFilter: true }) adds for you.
 *
 * Subclass it and override `toHttpException` to answer differently.
 */
@Catch(HamiltonError)
export class HamiltonExceptionFilter implements ExceptionFilter<HamiltonError> {
  protected readonly logger = new Logger('HamiltonExceptionFilter');

  constructor(@Optional() @Inject(HttpAdapterHost) private readonly adapter?: HttpAdapterHost | HttpServer) {}

  catch(error: HamiltonError, host: ArgumentsHost): unknown {
    const exception = this.toHttpException(error);
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(Messages.http.logged(status, error.name, error.message), stackOf(error));
    // GraphQL and other non-HTTP contexts take the answer as a returned error, as their own filters do.
    if (host.getType() !== 'http') return exception;
    const response: unknown = host.switchToHttp().getResponse();
    const adapter = this.httpAdapter();
    if (!adapter) return replyWithoutAdapter(response, exception.getResponse(), status);
    if (adapter.isHeadersSent(response)) adapter.end(response);
    else adapter.reply(response, exception.getResponse(), status);
    return undefined;
  }

  /** The answer to `error` (override to change the mapping; call `super.toHttpException` for the rest). */
  protected toHttpException(error: HamiltonError): HttpException {
    return httpExceptionOf(error);
  }

  private httpAdapter(): HttpServer | undefined {
    const adapter = this.adapter;
    if (adapter instanceof HttpAdapterHost) return adapter.httpAdapter;
    return adapter ?? undefined;
  }
}

/** Where the failure happened: for a node, the stack of what it threw (the driver's own frames say nothing). */
function stackOf(error: HamiltonError): string | undefined {
  if (error instanceof NodeExecutionError && error.cause instanceof Error) return error.cause.stack;
  return error.stack;
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestException, ValidationPipe, type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { HamiltonExceptionFilter } from 'hamilton-ts/nestjs';
import { fieldErrors } from '../survey-record.dto.js';
import { EcommerceServiceModule, type ServiceOptions } from './app.module.js';
import { BodyShapePipe } from './body-shape.pipe.js';
import { RequestErrorFilter } from './request-error.filter.js';

/**
 * The validation every body goes through: unknown fields are refused, and a 400 names each bad field:
 * `{ statusCode: 400, message: 'Invalid request body', errors: { age: ['age must not be greater than 120'] } }`.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException({ statusCode: 400, message: 'Invalid request body', errors: fieldErrors(errors) }),
  });
}

/**
 * The real-time service as a Nest app, not yet listening. Every body passes the BodyShapePipe (a hostile body
 * is a 400, not a stack overflow) before the ValidationPipe; a HamiltonError a request meets becomes its
 * HTTP answer (HamiltonExceptionFilter), a body the parser refused a one-line 4xx (RequestErrorFilter).
 */
export async function createService(
  options: ServiceOptions = {},
  logger: false | LogLevel[] | LoggerService = ['error', 'warn'],
): Promise<INestApplication> {
  const app = await NestFactory.create(EcommerceServiceModule.register(options), { logger, abortOnError: false });
  app.useGlobalPipes(new BodyShapePipe(), validationPipe());
  const adapterHost = app.get(HttpAdapterHost);
  // The catch-all first: Nest gives an error to the last-declared filter that catches it.
  app.useGlobalFilters(new RequestErrorFilter(adapterHost.httpAdapter), new HamiltonExceptionFilter(adapterHost));
  app.enableShutdownHooks();
  return app;
}

/** Starts listening; with port 0 the OS picks one. Returns the base URL. */
export async function listen(app: INestApplication, port = 0, host = '127.0.0.1'): Promise<string> {
  await app.listen(port, host);
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

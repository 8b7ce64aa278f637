import { BadRequestException, ValidationPipe, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fieldErrors } from '../survey-record.dto.js';
import { EcommerceServiceModule, type ServiceOptions } from './app.module.js';

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

/** The real-time service as a Nest app, not yet listening. */
export async function createService(options: ServiceOptions = {}, logger: false | LogLevel[] = ['error', 'warn']): Promise<INestApplication> {
  const app = await NestFactory.create(EcommerceServiceModule.register(options), { logger, abortOnError: false });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  return app;
}

/** Starts listening; with port 0 the OS picks one. Returns the base URL. */
export async function listen(app: INestApplication, port = 0, host = '127.0.0.1'): Promise<string> {
  await app.listen(port, host);
  const address = app.getHttpServer().address() as { port: number };
  return `http://${host}:${address.port}`;
}

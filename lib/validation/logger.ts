/** Where `warn`-level check failures are reported: `console` works, and so do pino or winston loggers. */
export interface ValidationLogger {
  warn(message: string): void;
}

let logger: ValidationLogger = console;

/**
 * Sends `warn`-level check failures to your logger instead of `console.warn` (one message per checked node
 * and run); `undefined` restores `console`. To collect results rather than log them, use `ValidationRecorder`.
 *
 * @example
 * setValidationLogger({ warn: (message) => log.warn({ dataQuality: true }, message) });
 */
export function setValidationLogger(next: ValidationLogger | undefined): void {
  logger = next ?? console;
}

/** The logger `warn`-level failures go to. */
export function validationLogger(): ValidationLogger {
  return logger;
}

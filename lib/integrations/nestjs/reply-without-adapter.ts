import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';

/** The parts of an Express response and a Fastify reply a filter needs to answer with JSON. */
interface ExpressLike {
  headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
  end(): unknown;
}
interface FastifyLike {
  sent: boolean;
  code(code: number): { send(body: unknown): unknown };
}

/**
 * Answers through the response object itself, for a filter created with `new HamiltonExceptionFilter()` (Nest
 * gives filters passed to `useGlobalFilters` no HTTP adapter). Express and Fastify are recognised; any other
 * response is an error saying to give the filter the adapter (never a request left hanging).
 */
export function replyWithoutAdapter(response: unknown, body: unknown, status: number): undefined {
  if (isExpress(response)) {
    if (response.headersSent) response.end();
    else response.status(status).json(body);
  } else if (isFastify(response)) {
    if (!response.sent) response.code(status).send(body);
  } else {
    throw new HamiltonError(Messages.nestFilterNoAdapter);
  }
  return undefined;
}

function isExpress(response: unknown): response is ExpressLike {
  const r = response as Partial<ExpressLike> | null;
  return typeof r?.status === 'function' && typeof r.end === 'function' && typeof r.headersSent === 'boolean';
}

function isFastify(response: unknown): response is FastifyLike {
  const r = response as Partial<FastifyLike> | null;
  return typeof r?.code === 'function' && typeof r.sent === 'boolean';
}

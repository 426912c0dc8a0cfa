import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorEnvelope } from './error-envelope.js';
import { setErrorCode } from '../http/request-fields.js';
import { RequestLogger } from '../logging/request-logger.js';

/** Every failure inside a Nest handler leaves through here as the one error envelope. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  constructor(private readonly log: RequestLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendErrorEnvelope(error, request, reply, this.log);
  }
}

export function sendErrorEnvelope(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  log: RequestLogger,
): void {
  const mapped = toErrorEnvelope(error, String(request.id));
  if (mapped.unexpected) {
    log.error(request, 'Errors', `unexpected error: ${String(error)}`, { stack: (error as Error)?.stack });
  }
  setErrorCode(request, mapped.code);
  void reply.status(mapped.status).headers(mapped.headers).type('application/json').send(mapped.body);
}

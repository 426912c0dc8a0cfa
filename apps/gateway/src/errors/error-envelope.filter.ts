import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorEnvelope } from './error-envelope.js';

/** Every failure inside a Nest handler leaves through here as the one error envelope. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendErrorEnvelope(error, request, reply, this.logger);
  }
}

export function sendErrorEnvelope(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Pick<Logger, 'error'>): void {
  const mapped = toErrorEnvelope(error, String(request.id));
  if (mapped.unexpected) {
    logger.error(`unexpected error in request ${request.id}: ${String(error)}`, (error as Error)?.stack);
  }
  (request as { errorCode?: string }).errorCode = mapped.code;
  void reply.status(mapped.status).headers(mapped.headers).type('application/json').send(mapped.body);
}

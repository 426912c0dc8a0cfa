import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ForwardedAnswer } from './forwarded-answer.js';

/** Turns a ForwardedAnswer into MSDK's bytes plus X-Cache / X-Msdk-Is-Lost, without re-serialising. */
@Injectable()
export class ForwardedAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof ForwardedAnswer)) return result;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        reply.header('x-cache', result.cache);
        if (result.isLost !== undefined) reply.header('x-msdk-is-lost', result.isLost ? '1' : '0');
        reply.type('application/json');
        const request = context.switchToHttp().getRequest<{ upstreamAttempts?: number; cacheStatus?: string }>();
        request.upstreamAttempts = result.attempts;
        request.cacheStatus = result.cache;
        return result.raw;
      }),
    );
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallerRequest } from '../caller-auth/caller-auth.guard.js';
import type { ForwardContext } from './msdk-forwarder.js';

/** The authenticated caller, request id and cache directive, as the forwarder needs them. */
export const Forwarding = createParamDecorator((_: unknown, ctx: ExecutionContext): ForwardContext => {
  const request = ctx.switchToHttp().getRequest<CallerRequest>();
  if (!request.caller) throw new Error('Forwarding used on a route without caller authentication');
  const cacheControl = request.headers['cache-control'];
  const noCache = typeof cacheControl === 'string' && /(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl);
  return { caller: request.caller, requestId: String(request.id), noCache };
});

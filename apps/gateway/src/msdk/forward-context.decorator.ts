import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallerRequest } from '../caller-auth/caller-auth.guard.js';
import type { ForwardContext } from './msdk-forwarder.js';

/** The authenticated caller and request id, as the forwarder needs them. */
export const Forwarding = createParamDecorator((_: unknown, ctx: ExecutionContext): ForwardContext => {
  const request = ctx.switchToHttp().getRequest<CallerRequest>();
  if (!request.caller) throw new Error('Forwarding used on a route without caller authentication');
  return { caller: request.caller, requestId: String(request.id) };
});

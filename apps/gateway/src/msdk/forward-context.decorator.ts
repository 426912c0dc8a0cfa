import { Req } from '@nestjs/common';
import type { GatewayRequest } from '../http/request-fields.js';
import type { ForwardContext } from './msdk-forwarder.js';

/** The request a catalog route hands to the forwarder, authenticated by CallerAuthGuard. */
export type ForwardingRequest = GatewayRequest;

/**
 * The route's request, for the forwarder: Nest's plain @Req(), which the global validation pipe
 * leaves alone (it would run over a custom parameter decorator).
 */
export const Forwarding = (): ParameterDecorator => Req();

/** The authenticated caller, request id, trace and cache directive, as the forwarder needs them. */
export function forwardContextOf(request: ForwardingRequest): ForwardContext {
  if (!request.caller) throw new Error('Forwarding used on a route without caller authentication');
  if (!request.trace) throw new Error('Forwarding used on a request the trace context step did not see');
  const cacheControl = request.headers['cache-control'];
  const noCache = typeof cacheControl === 'string' && /(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl);
  return { caller: request.caller, requestId: String(request.id), trace: request.trace, noCache };
}

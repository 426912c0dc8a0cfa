import { Req } from '@nestjs/common';
import type { GatewayRequest } from '../http/request-fields.js';
import type { ForwardContext } from './msdk-forwarder.js';

/** The request a catalog route hands to the forwarder, authenticated by CallerAuthGuard. */
export type ForwardingRequest = GatewayRequest;

/**
 * The route's request, for the forwarder. Nest's plain @Req(), not a custom parameter decorator:
 * Nest runs the global pipes over a custom parameter on every request (an async pipe chain, a
 * promise and a microtask turn, for nothing); it runs none over the request.
 */
export const Forwarding = (): ParameterDecorator => Req();

/** The authenticated caller, request id and cache directive, as the forwarder needs them. */
export function forwardContextOf(request: ForwardingRequest): ForwardContext {
  if (!request.caller) throw new Error('Forwarding used on a route without caller authentication');
  const cacheControl = request.headers['cache-control'];
  const noCache = typeof cacheControl === 'string' && /(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl);
  return { caller: request.caller, requestId: String(request.id), noCache };
}

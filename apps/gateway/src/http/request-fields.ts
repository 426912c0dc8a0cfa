import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import type { CacheStatus } from '../msdk/forwarded-answer.js';
import type { RouteConfigSeen } from '../msdk/route-entry.js';

/** What the gateway notes on a request as it goes: read by the access and audit logs and metrics. */
export interface GatewayRequestFields {
  /** Set by CallerAuthGuard. */
  caller?: AuthenticatedCaller;
  /** Set when a ForwardedAnswer is sent. */
  cacheStatus?: CacheStatus;
  upstreamAttempts?: number;
  /** Set by the error envelope filter. */
  errorCode?: string;
  /** The matched route's config, read once by route-entry.ts for everyone who asks. */
  msdkRouteConfig?: RouteConfigSeen;
}

/** A request as the gateway's guards, hooks and filter see it. */
export type GatewayRequest = FastifyRequest & GatewayRequestFields;

/** Every field above, so that adding one to the interface without declaring it fails to compile. */
const FIELDS = {
  caller: true,
  cacheStatus: true,
  upstreamAttempts: true,
  errorCode: true,
  msdkRouteConfig: true,
} satisfies Record<keyof GatewayRequestFields, true>;

/**
 * Declares the fields before the server starts (Fastify's decorateRequest), so every request
 * object is born with them, undefined. Added mid-request, each one changed the object's hidden
 * class, and code that sees requests at several stages — Fastify's own hooks and reply path,
 * our logs — ran on several shapes of the same object.
 */
export function registerRequestFields(fastify: FastifyInstance): void {
  for (const name of Object.keys(FIELDS)) fastify.decorateRequest(name, undefined);
}

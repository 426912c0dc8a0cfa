import type { FastifyRequest } from 'fastify';
import type { CatalogEntry } from '#msdk';
import type { GatewayRequest } from '../http/request-fields.js';

/**
 * The catalog row a route fronts, kept in Fastify's route config (set by MsdkOperation). Fastify
 * hooks see it too, so even a request refused before Nest runs (415, 413, bad JSON) is known to
 * be a call of that interface.
 */
export interface MsdkRouteConfig {
  readonly msdkEntry?: CatalogEntry;
}

/** A matched route's config as Fastify keeps it: ours, plus the route template. */
export interface RouteConfigSeen extends MsdkRouteConfig {
  readonly url?: string;
}

/**
 * The route's config, read once per request: Fastify builds `request.routeOptions` afresh (a
 * dozen fields) on every read, and the rate limit, metrics, access and audit logs all ask.
 */
function routeConfigOf(request: FastifyRequest): RouteConfigSeen {
  const noted = request as GatewayRequest;
  return (noted.msdkRouteConfig ??= (request.routeOptions?.config as RouteConfigSeen | undefined) ?? {});
}

export function routeEntryOf(request: FastifyRequest): CatalogEntry | undefined {
  return routeConfigOf(request).msdkEntry;
}

/** The route template (`/v1/relation/qqprofile`), never the raw URL; `unmatched` for a 404. */
export function routeTemplateOf(request: FastifyRequest): string {
  return routeConfigOf(request).url ?? 'unmatched';
}

import type { FastifyRequest } from 'fastify';
import type { CatalogEntry } from '#msdk';

/**
 * The catalog row a route fronts, kept in Fastify's route config (set by MsdkOperation). Fastify
 * hooks see it too, so even a request refused before Nest runs (415, 413, bad JSON) is known to
 * be a call of that interface.
 */
export interface MsdkRouteConfig {
  readonly msdkEntry?: CatalogEntry;
}

export function routeEntryOf(request: FastifyRequest): CatalogEntry | undefined {
  return (request.routeOptions?.config as MsdkRouteConfig | undefined)?.msdkEntry;
}

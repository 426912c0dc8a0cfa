import type { FastifyRequest } from 'fastify';
import type { CatalogEntry } from '#msdk';

declare module 'fastify' {
  /**
   * The catalog row a route fronts, in Fastify's route config (set by MsdkOperation through
   * `@RouteConfig()`). Fastify hooks see it too, so even a request refused before Nest runs
   * (415, 413, bad JSON) is known to be a call of that interface.
   */
  interface FastifyContextConfig {
    readonly msdkEntry?: CatalogEntry;
  }
}

/** The catalog row the matched route fronts; undefined for health, docs, metrics and 404s. */
export function routeEntryOf(request: FastifyRequest): CatalogEntry | undefined {
  return request.routeOptions.config.msdkEntry;
}

/** The route template (`/v1/relation/qqprofile`), never the raw URL; `unmatched` for a 404. */
export function routeTemplateOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

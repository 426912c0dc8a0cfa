import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from './gateway-metrics.js';

/** Inbound request durations by route template (never the raw URL), method and status class. */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: GatewayMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { route, method: request.method, status_class: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

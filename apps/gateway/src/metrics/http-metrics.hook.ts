import type { FastifyInstance } from 'fastify';
import { routeTemplateOf } from '../msdk/route-entry.js';
import type { GatewayMetrics } from './gateway-metrics.js';

/** `2xx` for 204 and so on: one string per class, not one per request. */
const STATUS_CLASSES = Array.from({ length: 10 }, (_, i) => `${i}xx`);

/** Inbound request durations by route template (never the raw URL), method and status class. */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: GatewayMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const statusClass = STATUS_CLASSES[Math.floor(reply.statusCode / 100)] ?? 'other';
    metrics.httpDuration
      .labels(routeTemplateOf(request), request.method, statusClass)
      .observe(reply.elapsedTime / 1000);
    done();
  });
}

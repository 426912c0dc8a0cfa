import type { FastifyInstance } from 'fastify';
import { setTrace, type GatewayRequest } from '../http/request-fields.js';
import type { RequestTracing } from './request-tracing.js';

/**
 * The trace context step: the caller's W3C traceparent continued (a new trace when it is absent
 * or malformed), the gateway's own traceparent sent back as `traceparent` (onRequest, so every
 * answer carries it, refusals and errors included), and the request's span ended once the answer
 * is out (onResponse). Callback-style hooks: an async one costs a promise per request.
 */
export function registerTraceContext(fastify: FastifyInstance, tracing: RequestTracing): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const trace = tracing.start(request);
    setTrace(request, trace);
    void reply.header('traceparent', trace.traceparent);
    done();
  });
  fastify.addHook('onResponse', (request: GatewayRequest, reply, done) => {
    tracing.finish(request, reply);
    done();
  });
}

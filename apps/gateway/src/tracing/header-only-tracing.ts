import type { CallContext, CatalogEntry } from '#msdk';
import type { FastifyRequest } from 'fastify';
import type { RequestTrace } from './request-trace.js';
import { RequestTracing } from './request-tracing.js';
import { formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './traceparent.js';

/** A new trace is not sampled by a gateway that records nothing: trace-flags 00. */
const NOT_SAMPLED = '00';

/**
 * Export off: the traceparent work in plain code, no SDK. The request's span id is minted here
 * and is the parent id MSDK sees on every attempt, so one header string serves the caller's
 * answer and each attempt. The caller's trace-flags are passed on as they came: this gateway
 * makes no sampling decision of its own.
 */
export class HeaderOnlyTracing extends RequestTracing {
  start(request: FastifyRequest): RequestTrace {
    const parent = parseTraceparent(request.headers.traceparent);
    const traceId = parent?.traceId ?? newTraceId();
    const spanId = newSpanId();
    return { traceId, spanId, traceparent: formatTraceparent(traceId, spanId, parent?.flags ?? NOT_SAMPLED) };
  }

  upstreamContext(trace: RequestTrace, _entry: CatalogEntry, requestId: string): CallContext {
    return { headers: { 'x-request-id': requestId, traceparent: trace.traceparent } };
  }

  finish(): void {
    // Nothing recorded, nothing to end.
  }

  async shutdown(): Promise<void> {
    // No exporter.
  }
}

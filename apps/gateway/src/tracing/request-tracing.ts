import type { OnApplicationShutdown } from '@nestjs/common';
import type { CallContext, CatalogEntry } from '#msdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayRequest } from '../http/request-fields.js';
import type { RequestTrace } from './request-trace.js';

/**
 * The gateway's tracing, one of two kinds chosen at startup (tracing.module.ts): headers only
 * (export off: plain code, no SDK) or OpenTelemetry spans exported over OTLP/HTTP. A Nest
 * provider token as well as the contract both kinds keep.
 */
export abstract class RequestTracing implements OnApplicationShutdown {
  /** At the trace context step: the request's trace, continuing the caller's valid traceparent. */
  abstract start(request: FastifyRequest): RequestTrace;
  /** What the MSDK client sends on each attempt of this request's call: request id and traceparent. */
  abstract upstreamContext(trace: RequestTrace, entry: CatalogEntry, requestId: string): CallContext;
  /** Once the answer is out: the request span's attributes, and its end. */
  abstract finish(request: GatewayRequest, reply: FastifyReply): void;
  /** Exports what is still queued (export on); bounded by the export timeout. */
  abstract shutdown(): Promise<void>;

  /** Nest's shutdown hook: the spans still queued are exported before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }
}

import {
  diag,
  DiagLogLevel,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import type { AttemptOutcome, AttemptTracer, CallContext, CatalogEntry } from '#msdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { OtlpExportConfig } from '../config/tracing-config.js';
import type { GatewayRequest } from '../http/request-fields.js';
import { routeEntryOf, routeTemplateOf } from '../msdk/route-entry.js';
import type { RequestTrace } from './request-trace.js';
import { samplerFor } from './sampler.js';
import { RequestTracing } from './request-tracing.js';
import {
  ATTR_GATEWAY_REQUEST_ID,
  ATTR_MSDK_ATTEMPT,
  ATTR_MSDK_ATTEMPTS,
  ATTR_MSDK_CACHE_RESULT,
  ATTR_MSDK_INTERFACE,
  ATTR_MSDK_OUTCOME,
} from './span-attributes.js';
import { flagsHex, formatTraceparent, parseTraceparent } from './traceparent.js';

/**
 * Export on: one server span per request and one client span per MSDK attempt, through the
 * OpenTelemetry SDK's public API, exported over OTLP/HTTP (JSON) by a batch processor. The
 * batch processor's queue is bounded and its exports run on a timer, off every request's path:
 * a slow or dead collector costs dropped spans, never a late or failed answer.
 *
 * The caller's traceparent is the parent of the request span; each attempt's traceparent names
 * the attempt's span, which is what MSDK's side should hang under. Sampling follows
 * OTEL_TRACES_SAMPLER, parent-based by default: a caller's "not sampled" is kept (no span is
 * recorded), a new trace is sampled.
 */
export class OtlpTracing extends RequestTracing {
  private readonly provider: TracerProvider;
  private readonly tracer: Tracer;

  constructor(
    config: OtlpExportConfig,
    private readonly logger: Logger,
  ) {
    super();
    // The SDK reports a failed export (a dead collector, a full queue) through its diagnostic
    // logger, silent by default: to the gateway's log, as warnings, never to a caller.
    const warn = (message: string, ...details: unknown[]) =>
      logger.warn({ context: 'Tracing', details: details.map(String) }, `OpenTelemetry: ${message}`);
    diag.setLogger(
      { error: warn, warn, info: () => undefined, debug: () => undefined, verbose: () => undefined },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
    const exporter = new OTLPTraceExporter({ url: config.tracesUrl, timeoutMillis: config.exportTimeoutMs });
    this.provider = new TracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
      sampler: samplerFor(config.sampler, config.samplerRatio),
      spanProcessors: [
        new BatchSpanProcessor({
          exporter,
          maxQueueSize: config.maxQueueSize,
          maxExportBatchSize: config.maxExportBatchSize,
          scheduledDelayMillis: config.scheduledDelayMs,
          exportTimeoutMillis: config.exportTimeoutMs,
        }),
      ],
    });
    this.tracer = this.provider.getTracer('msdk-gateway');
  }

  start(request: FastifyRequest): RequestTrace {
    const parent = parseTraceparent(request.headers.traceparent);
    const context = parent
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.parentId,
          traceFlags: Number.parseInt(parent.flags, 16),
          isRemote: true,
        })
      : ROOT_CONTEXT;
    const route = routeTemplateOf(request);
    const entry = routeEntryOf(request);
    const span = this.tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_HTTP_ROUTE]: route,
          [ATTR_GATEWAY_REQUEST_ID]: request.id,
          ...(entry ? { [ATTR_MSDK_INTERFACE]: entry.id } : {}),
        },
      },
      context,
    );
    const { traceId, spanId, traceFlags } = span.spanContext();
    return { traceId, spanId, traceparent: formatTraceparent(traceId, spanId, flagsHex(traceFlags)), span };
  }

  upstreamContext(requestTrace: RequestTrace, entry: CatalogEntry, requestId: string): CallContext {
    const parent = requestTrace.span ? trace.setSpan(ROOT_CONTEXT, requestTrace.span) : ROOT_CONTEXT;
    return { tracer: new AttemptSpans(this.tracer, parent, entry, requestId) };
  }

  finish(request: GatewayRequest, reply: FastifyReply): void {
    const span = request.trace?.span;
    if (!span) return;
    const status = reply.statusCode;
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (request.cacheStatus !== undefined) span.setAttribute(ATTR_MSDK_CACHE_RESULT, request.cacheStatus);
    if (request.upstreamAttempts !== undefined) span.setAttribute(ATTR_MSDK_ATTEMPTS, request.upstreamAttempts);
    if (request.errorCode !== undefined) span.setAttribute(ATTR_ERROR_TYPE, request.errorCode);
    // A server span is an error only when the server failed (OpenTelemetry's HTTP conventions).
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: request.errorCode });
    span.end();
  }

  /** Exports what the queue holds, then stops; the batch processor bounds it by its export timeout. */
  async shutdown(): Promise<void> {
    try {
      await this.provider.shutdown();
    } catch (error) {
      // A collector that is down at shutdown loses the last spans; the shutdown goes on.
      this.logger.warn({ context: 'Tracing', error: String(error) }, 'spans left unexported at shutdown');
    }
  }
}

/** The spans of one call's attempts, children of the request span; attempts run one after another. */
class AttemptSpans implements AttemptTracer {
  private current: Span | undefined;

  constructor(
    private readonly tracer: Tracer,
    private readonly parent: Context,
    private readonly entry: CatalogEntry,
    private readonly requestId: string,
  ) {}

  attemptStarted(attempt: number): Readonly<Record<string, string>> {
    const span = this.tracer.startSpan(
      `msdk ${this.entry.path}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: this.entry.method,
          [ATTR_MSDK_INTERFACE]: this.entry.id,
          [ATTR_MSDK_ATTEMPT]: attempt,
        },
      },
      this.parent,
    );
    this.current = span;
    const { traceId, spanId, traceFlags } = span.spanContext();
    return { 'x-request-id': this.requestId, traceparent: formatTraceparent(traceId, spanId, flagsHex(traceFlags)) };
  }

  attemptFinished(_attempt: number, outcome: AttemptOutcome): void {
    const span = this.current;
    if (!span) return;
    this.current = undefined;
    span.setAttribute(ATTR_MSDK_OUTCOME, outcome);
    if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    span.end();
  }
}

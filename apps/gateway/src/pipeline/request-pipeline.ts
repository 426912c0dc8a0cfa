import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { registerAuditLog } from '../audit/audit-log.js';
import { CallerAuthGuard } from '../caller-auth/caller-auth.guard.js';
import type { ServerConfig } from '../config/gateway-config.js';
import { answerClientError, answerFrameworkError } from '../errors/edge-errors.js';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter.js';
import { registerAccessLog } from '../http/access-log.js';
import { registerGracefulClose } from '../http/graceful-close.js';
import { registerJsonDepthLimit } from '../http/json-depth-limit.js';
import { registerJsonOnly } from '../http/json-only.js';
import { DrainState } from '../lifecycle/drain-state.js';
import type { GatewayLogs } from '../logging/create-logger.js';
import { registerLogOutput } from '../logging/register-log-output.js';
import { registerRequestFields } from '../http/request-fields.js';
import { requestIdFor } from '../http/request-id.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { registerHttpMetrics } from '../metrics/http-metrics.hook.js';
import { registerForwardedAnswers } from '../msdk/forwarded-answer.hook.js';
import { ClientRateLimitGuard } from '../rate-limit/client-rate-limit.guard.js';
import { registerTraceContext } from '../tracing/trace-context.hook.js';
import { RequestTracing } from '../tracing/request-tracing.js';
import { createValidationPipe } from '../validation/create-validation-pipe.js';

/*
 * The request pipeline: every step a request passes, in order, declared in this file (and drawn
 * in docs/architecture.md). Three mechanisms carry the steps, each through its public API:
 *
 * - Fastify server options (pipelineServerOptions): they exist before the app does.
 * - Fastify hooks (registerRequestPipeline): Fastify runs them by lifecycle phase (onRequest,
 *   preValidation, preSerialization, onSend, onResponse) and, within a phase, in the order
 *   they are registered here.
 * - Nest's global guards, pipe and filter (registerRequestPipeline): Nest's router runs them for
 *   the matched route, guards in the order given, then the pipe, then the controller; the filter
 *   takes any failure, including those Fastify raised before Nest (Nest routes Fastify's errors
 *   and its 404 to the global filters).
 *
 * The controller hands the validated body to MsdkForwarder.forward, which runs FORWARDER_STEPS.
 * Any step may fail; every failure leaves through the error envelope (step 14).
 */

/**
 * Steps 7-10, inside MsdkForwarder.forward (msdk/msdk-forwarder.ts), in this order. A cache hit
 * ends at step 7, so a hit is never counted against the user nor signed.
 */
export const FORWARDER_STEPS = [
  '7. cache lookup: ReadThroughCache.read (#cache), a fresh or stale copy, or one load per key across the fleet',
  '8. per-user frequency check: PerUserFrequencyCheck.admit (rate-limit/per-user-frequency.check.ts)',
  "9. signing: buildUpstreamCall (#msdk), appid, sig and timestamp for the caller's game",
  '10. sending: MsdkClient.call (#msdk), timeout, retries for reads, a circuit breaker per upstream',
] as const;

/**
 * Steps 1 and 2 as Fastify server options, given when the Fastify adapter is built, and the
 * error envelope (step 14) for the failures that come before any route or hook.
 */
export function pipelineServerOptions(server: ServerConfig): FastifyServerOptions {
  return {
    // 0. Before there is a request: what Node's HTTP parser refuses (431 headers over the limit,
    //    400 not HTTP) is answered in the envelope with Connection: close (errors/edge-errors.ts).
    clientErrorHandler: answerClientError,
    // 1. Request id: the caller's X-Request-Id when well formed, else a minted one.
    genReqId: requestIdFor,
    // 2. Size check: a body over the limit is refused (413) by Fastify's JSON parser, the only
    //    parser (Nest's are off: bootstrap.ts passes bodyParser: false).
    bodyLimit: server.bodyLimitBytes,
    // While the server closes, new requests get a 503 (see the graceful close below).
    return503OnClosing: true,
    // 14. Error envelope for what Fastify's router refuses before any hook runs (a URL with a
    //     bad percent-encoding); every later failure reaches Nest's filter (registered below).
    frameworkErrors: answerFrameworkError,
  };
}

/** Registers every other step on the app, in the order a request meets them. */
export function registerRequestPipeline(app: NestFastifyApplication, logs: GatewayLogs): void {
  const fastify = app.getHttpAdapter().getInstance();
  // What one step learns for later ones: each field set by one step (http/request-fields.ts).
  registerRequestFields(fastify);

  // 1. Request id, sent back as X-Request-Id (onRequest); the same registration writes the
  //    access line at step 12 (onResponse).
  registerAccessLog(fastify, logs.logger);
  // 1b. Trace context: the caller's W3C traceparent continued (else a new trace), the gateway's
  //     own sent back as `traceparent` (onRequest); the request's span, if exported, ends once
  //     the answer is out (onResponse). Every later log line of the request carries its trace id.
  registerTraceContext(fastify, app.get(RequestTracing));
  // 2. Content type: anything but JSON is a 415 before any parser runs (onRequest).
  registerJsonOnly(fastify);
  // 3. Depth: a body nested deeper than any operation needs is a 400 before validation recurses
  //    into it (preValidation).
  registerJsonDepthLimit(fastify);
  // 4. Caller auth: the client key, its game and scope (sets request.caller).
  // 5. Client rate limit: per authenticated client, hence after caller auth.
  app.useGlobalGuards(app.get(CallerAuthGuard), app.get(ClientRateLimitGuard));
  // 6. Validation: the body against the route's DTO (class-validator).
  app.useGlobalPipes(createValidationPipe());
  // 7-10. Cache lookup, per-user frequency check, signing, sending: FORWARDER_STEPS.
  // 11. Answer headers: X-Cache and X-Msdk-Is-Lost, MSDK's bytes sent as they came
  //     (preSerialization); notes the cache result and attempts for step 12.
  registerForwardedAnswers(fastify);
  // 12. Access line (registered at step 1) and audit line, once the answer is out (onResponse).
  registerAuditLog(fastify, logs.audit);
  // 13. Metrics: the request's duration by route template, method and status class (onResponse).
  registerHttpMetrics(fastify, app.get(GatewayMetrics));
  // ...with the logs' dropped-lines counter; what the log destinations hold is written at close.
  registerLogOutput(fastify, logs, app.get(GatewayMetrics).registry);
  // 14. Error envelope: any failure of any step above, as {"error": {...}} with its status.
  app.useGlobalFilters(app.get(ErrorEnvelopeFilter));
  // On shutdown (from the first SIGTERM, through the drain delay and the close), answers close
  // their keep-alive connections (onSend).
  registerGracefulClose(fastify, app.get(DrainState));
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import type { CacheStatus, ForwardedAnswer } from '../msdk/forwarded-answer.js';
import type { RequestTrace } from '../tracing/request-trace.js';

/**
 * What a step of the request pipeline learns about a request for later steps (the access and
 * audit lines, metrics). Each field is written in exactly one place, by the setter below named
 * for it; everyone else reads. Whatever can be derived from the request itself (the route, its
 * catalog row: msdk/route-entry.ts) is not stored.
 */
export interface GatewayRequestFields {
  /** Trace context: the request's trace id, span and traceparent, set by registerTraceContext (setTrace). */
  readonly trace?: RequestTrace;
  /** Caller auth: set by CallerAuthGuard (setCaller); undefined on public routes and refused calls. */
  readonly caller?: AuthenticatedCaller;
  /** Answer headers: X-Cache of a forwarded answer, set by registerForwardedAnswers (setForwardedAnswer). */
  readonly cacheStatus?: CacheStatus;
  /** Answer headers: the MSDK calls the answer took (0 from the cache), set with cacheStatus. */
  readonly upstreamAttempts?: number;
  /** Error envelope: the code of a failed request, set by sendErrorEnvelope (setErrorCode). */
  readonly errorCode?: string;
}

/** A request as the gateway's guards, hooks and filter see it. */
export type GatewayRequest = FastifyRequest & GatewayRequestFields;

type WritableFields = { -readonly [K in keyof GatewayRequestFields]: GatewayRequestFields[K] };

export function setTrace(request: FastifyRequest, trace: RequestTrace): void {
  (request as WritableFields).trace = trace;
}

export function setCaller(request: FastifyRequest, caller: AuthenticatedCaller): void {
  (request as WritableFields).caller = caller;
}

export function setForwardedAnswer(request: FastifyRequest, answer: ForwardedAnswer): void {
  const fields = request as WritableFields;
  fields.cacheStatus = answer.cache;
  fields.upstreamAttempts = answer.attempts;
}

export function setErrorCode(request: FastifyRequest, code: string): void {
  (request as WritableFields).errorCode = code;
}

/** Every field above, so that adding one to the interface without declaring it fails to compile. */
const FIELDS = {
  trace: true,
  caller: true,
  cacheStatus: true,
  upstreamAttempts: true,
  errorCode: true,
} satisfies Record<keyof GatewayRequestFields, true>;

/** Declares the fields on Fastify's request (decorateRequest, Fastify's way to add request properties). */
export function registerRequestFields(fastify: FastifyInstance): void {
  for (const name of Object.keys(FIELDS)) fastify.decorateRequest(name, undefined);
}

import { randomFillSync } from 'node:crypto';

/** The fields of a W3C Trace Context `traceparent` header (https://www.w3.org/TR/trace-context/). */
export interface TraceParent {
  /** 32 lowercase hex digits, not all zero. */
  readonly traceId: string;
  /** The sender's span: 16 lowercase hex digits, not all zero. */
  readonly parentId: string;
  /** trace-flags: 2 lowercase hex digits (bit 0: sampled). */
  readonly flags: string;
}

/**
 * version-traceid-parentid-flags, each part lowercase hex. A version above 00 may carry more
 * after a dash (the spec's forward compatibility); version ff is invalid.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);

/**
 * The caller's `traceparent`, or undefined when it is absent or malformed per the spec: a
 * version 00 header of exactly 55 characters, version ff never, ids not all zero. Node joins a
 * header sent twice with ", ", which is malformed too (the spec says to ignore both then).
 */
export function parseTraceparent(header: string | string[] | undefined): TraceParent | undefined {
  if (typeof header !== 'string' || header.length < 55) return undefined;
  const parts = TRACEPARENT.exec(header);
  if (!parts) return undefined;
  const [, version, traceId, parentId, flags, rest] = parts;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === ZERO_TRACE_ID || parentId === ZERO_SPAN_ID) return undefined;
  return { traceId, parentId, flags };
}

/** The version 00 header this gateway sends: to MSDK on every attempt, and back to the caller. */
export function formatTraceparent(traceId: string, spanId: string, flags: string): string {
  return `00-${traceId}-${spanId}-${flags}`;
}

/** trace-flags as two hex digits from OpenTelemetry's numeric TraceFlags. */
export function flagsHex(traceFlags: number): string {
  return (traceFlags & 0xff).toString(16).padStart(2, '0');
}

/**
 * Random ids drawn from a pool refilled 4 KiB at a time: one call into the CSPRNG per ~170
 * requests instead of two per request. Trace ids should be random (the spec's uniqueness
 * advice); the pool keeps that without paying for it on every request.
 */
const POOL = Buffer.allocUnsafe(4096);
let taken = POOL.length;

function randomHex(bytes: number): string {
  if (taken + bytes > POOL.length) {
    randomFillSync(POOL);
    taken = 0;
  }
  const hex = POOL.toString('hex', taken, taken + bytes);
  taken += bytes;
  return hex;
}

export function newTraceId(): string {
  let id = randomHex(16);
  while (id === ZERO_TRACE_ID) id = randomHex(16);
  return id;
}

export function newSpanId(): string {
  let id = randomHex(8);
  while (id === ZERO_SPAN_ID) id = randomHex(8);
  return id;
}

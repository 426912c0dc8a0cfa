import type { Span } from '@opentelemetry/api';

/** One request's place in its trace (request field `trace`, set at the trace context step). */
export interface RequestTrace {
  /** The caller's trace id when its traceparent was valid, else a new one: on every log line of the request. */
  readonly traceId: string;
  /** The gateway's own span for this request. */
  readonly spanId: string;
  /**
   * `00-<traceId>-<spanId>-<flags>`: sent back to the caller, and to MSDK on every attempt when
   * no attempt spans are recorded (with export on, each attempt names its own span instead).
   */
  readonly traceparent: string;
  /** The request's OpenTelemetry span, when export is on. */
  readonly span?: Span;
}

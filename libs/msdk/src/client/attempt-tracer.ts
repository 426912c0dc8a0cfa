import type { AttemptOutcome } from './call-observer.js';

/**
 * Traces the attempts of one MSDK call: the headers each attempt carries (a W3C `traceparent`
 * naming that attempt's own span) and the end of each attempt's span. The client knows nothing
 * of OpenTelemetry; a caller that records no spans passes fixed headers instead (CallContext.headers).
 */
export interface AttemptTracer {
  /** Before attempt `attempt` (1 for the first): the request headers it sends. */
  attemptStarted(attempt: number): Readonly<Record<string, string>>;
  /** After it, with how it ended; not called for a call the open breaker refused (no attempt). */
  attemptFinished(attempt: number, outcome: AttemptOutcome): void;
}

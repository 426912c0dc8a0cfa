import type { Logger } from 'pino';

/** What a line about a request names it by: its id, and its trace id once the trace context step ran. */
export interface LoggedRequest {
  readonly id: unknown;
  readonly trace?: { readonly traceId: string };
}

/** The fields that tie any line (access, audit, warning) to its request: the one place they are named. */
export function requestLogFields(request: LoggedRequest): { requestId: string; traceId: string | undefined } {
  return { requestId: String(request.id), traceId: request.trace?.traceId };
}

/**
 * Log lines about one request, stamped with its id and trace id. Both are passed explicitly
 * rather than through AsyncLocalStorage: on Node 20 that installs promise hooks costing ~15% of
 * a request.
 */
export class RequestLogger {
  constructor(private readonly logger: Logger) {}

  warn(request: LoggedRequest, context: string, message: string, fields: Record<string, unknown> = {}): void {
    this.logger.warn({ ...requestLogFields(request), context, ...fields }, message);
  }

  error(request: LoggedRequest, context: string, message: string, fields: Record<string, unknown> = {}): void {
    this.logger.error({ ...requestLogFields(request), context, ...fields }, message);
  }
}

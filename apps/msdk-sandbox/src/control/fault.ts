/**
 * A fault the next matching call(s) suffer. Faults for an interface are used in the order they
 * were added; `times` says how many calls each one affects.
 */
export interface Fault {
  /** Upstream path (`/auth/verify_login`, `/v2/friend/friend_list`) or `*` for any. */
  readonly interface: string;
  readonly times?: number;
  /** Added latency before anything else happens. */
  readonly delayMs?: number;
  /** Answer HTTP 200 with this ret/msg (and err_type) instead of the normal answer. */
  readonly ret?: number;
  readonly msg?: string;
  readonly errType?: number;
  /** Answer with this HTTP status (body: `body` or a short text). */
  readonly httpStatus?: number;
  /** Answer HTTP 200 with this raw body (garbage, empty…). */
  readonly body?: string;
  /** Destroy the connection without answering. */
  readonly reset?: boolean;
  /** Never answer (until the connection closes). */
  readonly hang?: boolean;
  /** Give the normal answer but degraded: is_lost "1" (V3) or 1 (V5). */
  readonly isLost?: boolean;
}

export function isValidFault(value: unknown): value is Fault {
  if (!value || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f.interface === 'string' && (f.times === undefined || (Number.isInteger(f.times) && (f.times as number) > 0))
  );
}

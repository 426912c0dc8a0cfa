/** How the answer was produced, for `X-Cache`. */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

/** A successful MSDK answer on its way to the caller: MSDK's bytes plus our headers. */
export class ForwardedAnswer {
  constructor(
    /** MSDK's JSON bytes exactly as it sent them. */
    readonly raw: Buffer,
    readonly cache: CacheStatus,
    /** Set only for interfaces whose answer carries is_lost. */
    readonly isLost: boolean | undefined,
    readonly attempts: number,
  ) {}
}

/** is_lost arrives as "1"/"0" from V3 and as 1/0 from V5. */
export function isLostFlag(body: Record<string, unknown>): boolean {
  return body.is_lost === '1' || body.is_lost === 1;
}

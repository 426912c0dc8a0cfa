/** One HTTP exchange with an MSDK origin. Implementations differ only in the HTTP library. */
export interface TransportRequest {
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  readonly pathAndQuery: string;
  readonly body: string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Give up after this long, rejecting with UpstreamTimeoutError(ms, scope). */
  readonly timeout: { readonly ms: number; readonly scope: 'attempt' | 'deadline' };
}

/** MSDK's answer: its JSON bytes exactly as sent, and its fields for inspection. */
export interface MsdkAnswer {
  /** Passed on to the caller and into the cache as they are: never decoded, never re-encoded. */
  readonly raw: Buffer;
  /**
   * For ret 0, only `ret` and `is_lost` (when present: nothing else is built, since the raw bytes
   * are what goes on); for any other ret, the whole parsed body.
   */
  readonly body: Record<string, unknown>;
}

export interface MsdkTransport {
  readonly name: 'undici' | 'axios';
  /** Resolves with MSDK's JSON, or rejects with a typed MsdkFailure. */
  send(request: TransportRequest): Promise<MsdkAnswer>;
  close(): Promise<void>;
}

/** One HTTP exchange with an MSDK origin. Implementations differ only in the HTTP library. */
export interface TransportRequest {
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  readonly pathAndQuery: string;
  readonly body: string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the exchange (per-attempt timeout or the overall deadline). */
  readonly signal: AbortSignal;
}

/** MSDK's answer: the raw JSON text exactly as sent, and its fields for inspection. */
export interface MsdkAnswer {
  readonly raw: string;
  /**
   * For ret 0, the top-level scalar fields only (ret, msg, is_lost, …: nested lists are not
   * built, since the raw text is what goes on); for any other ret, the whole parsed body.
   */
  readonly body: Record<string, unknown>;
}

export interface MsdkTransport {
  readonly name: 'undici' | 'axios';
  /** Resolves with MSDK's JSON, or rejects with a typed MsdkFailure. */
  send(request: TransportRequest): Promise<MsdkAnswer>;
  close(): Promise<void>;
}

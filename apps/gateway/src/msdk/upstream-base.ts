import type { UpstreamCall } from '#msdk';

/** A configured MSDK base URL: its origin (one pool, one breaker) and any path prefix. */
export class UpstreamBase {
  readonly origin: string;
  private readonly prefix: string;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
  }

  prefixed(call: UpstreamCall): UpstreamCall {
    return this.prefix ? { ...call, pathAndQuery: this.prefix + call.pathAndQuery } : call;
  }
}

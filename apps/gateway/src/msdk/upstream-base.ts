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
    if (!this.prefix) return call;
    // Field by field: an object spread profiled at several µs per call on this hot path.
    return { method: call.method, pathAndQuery: this.prefix + call.pathAndQuery, body: call.body, appid: call.appid };
  }
}

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
    // Field by field, as the MSDK client builds its result: a spread there was ~1.8% of a miss.
    return { method: call.method, pathAndQuery: this.prefix + call.pathAndQuery, body: call.body, appid: call.appid };
  }
}

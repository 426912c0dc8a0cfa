import { Pool } from 'undici';
import { UpstreamTimeoutError, isMsdkFailure } from '../errors/msdk-errors.js';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from './msdk-transport.js';
import { networkFailure, readMsdkAnswer } from './read-msdk-answer.js';

export interface UndiciTransportOptions {
  /** Keep-alive connections per MSDK origin. */
  readonly connections: number;
  readonly keepAliveTimeoutMs: number;
}

/** The default transport: one keep-alive undici Pool per MSDK origin, called through `pool.request()`. */
export class UndiciTransport implements MsdkTransport {
  readonly name = 'undici';
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: UndiciTransportOptions) {}

  /**
   * One exchange, bounded by the call's own timer: it aborts the request, or the body's reading
   * if the headers came first, with our typed timeout. A network error becomes our typed failure.
   */
  async send(request: TransportRequest): Promise<MsdkAnswer> {
    const { ms, scope } = request.timeout;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new UpstreamTimeoutError(ms, scope)), ms);
    let status: number;
    let raw: Buffer;
    try {
      const response = await this.poolFor(request.origin).request({
        method: request.method,
        path: request.pathAndQuery,
        body: request.body,
        headers: { 'content-type': 'application/json', ...request.headers },
        signal: abort.signal,
      });
      status = response.statusCode;
      const bytes = await response.body.bytes();
      // MSDK's bytes as they are, without another copy.
      raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (abort.signal.aborted) throw abort.signal.reason;
      throw isMsdkFailure(error) ? error : networkFailure(error);
    } finally {
      clearTimeout(timer);
    }
    return readMsdkAnswer(status, raw);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
        pipelining: 1,
        // Every call carries its own deadline (the timer in send), so undici's own header and
        // body timeouts (300 s by default) add nothing but cost: each is one of its coarse
        // "fast timers", set anew per request and kept in a list until a tick up to ~1 s later
        // drops it, so under load every one of them lived long enough to be promoted.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

import { Pool } from 'undici';
import { isMsdkFailure } from '../errors/msdk-errors.js';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from './msdk-transport.js';
import { networkFailure, readMsdkAnswer } from './read-msdk-answer.js';

export interface UndiciTransportOptions {
  /** Keep-alive connections per MSDK origin. */
  readonly connections: number;
  readonly keepAliveTimeoutMs: number;
}

/** The default transport: one keep-alive undici Pool per MSDK origin. */
export class UndiciTransport implements MsdkTransport {
  readonly name = 'undici';
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: UndiciTransportOptions) {}

  async send(request: TransportRequest): Promise<MsdkAnswer> {
    const pool = this.poolFor(request.origin);
    let status: number;
    let raw: string;
    try {
      const res = await pool.request({
        method: request.method,
        path: request.pathAndQuery,
        body: request.body,
        headers: { 'content-type': 'application/json', ...request.headers },
        signal: request.signal,
      });
      status = res.statusCode;
      raw = await res.body.text();
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      if (isMsdkFailure(error)) throw error;
      throw networkFailure(error);
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
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

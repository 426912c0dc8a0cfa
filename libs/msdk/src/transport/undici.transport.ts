import { Pool } from 'undici';
import { isMsdkFailure } from '../errors/msdk-errors.js';
import { CollectAnswerHandler } from './collect-answer.handler.js';
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

  /**
   * One exchange, settled from the handler's callbacks. A network error becomes our typed
   * failure; our own timeout (or an answer readMsdkAnswer refuses) is already one.
   */
  send(request: TransportRequest): Promise<MsdkAnswer> {
    // readMsdkAnswer throws only Errors (our typed failures).
    return new Promise((resolve, reject: (reason: Error) => void) => {
      const handler = new CollectAnswerHandler(
        request.timeout.ms,
        request.timeout.scope,
        (answer) => {
          try {
            resolve(readMsdkAnswer(answer.status, answer.raw));
          } catch (error) {
            reject(error as Error);
          }
        },
        (error) => reject(isMsdkFailure(error) ? error : networkFailure(error)),
      );
      // A dispatch that fails at once (a closed pool) reaches the handler's onResponseError too.
      this.poolFor(request.origin).dispatch(
        {
          method: request.method,
          path: request.pathAndQuery,
          body: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
        },
        handler,
      );
    });
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
        // Every call carries its own deadline (CollectAnswerHandler's timer), so undici's own header and
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

import { Pool } from 'undici';
import { isMsdkFailure, UpstreamPoolExhaustedError } from '../errors/msdk-errors.js';
import { CollectAnswerHandler } from './collect-answer.handler.js';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from './msdk-transport.js';
import { networkFailure, readMsdkAnswer } from './read-msdk-answer.js';
import { upstreamTlsOptions, type UpstreamTlsOptions } from './upstream-tls.js';

export interface UndiciTransportOptions {
  /** Keep-alive connections per MSDK origin: at most this many calls are in MSDK's hands at once. */
  readonly connections: number;
  readonly keepAliveTimeoutMs: number;
  /**
   * Calls that may wait for a connection once all are busy (per origin; `connections` unless
   * set). Past it a call fails at once (UpstreamPoolExhaustedError, 503) instead of queueing.
   */
  readonly maxQueued?: number;
  /** TLS to https: origins (see upstreamTlsOptions). */
  readonly tls?: UpstreamTlsOptions;
}

/**
 * The default transport: one keep-alive undici Pool per MSDK origin.
 *
 * When the pool is full. undici's Pool queues a call without bound once every connection is busy
 * (it has no queue limit or queue timeout), so with MSDK hanging every miss would wait behind
 * the hung calls until its own timeout, retry into the same queue, and spend the whole deadline.
 * Here a call is refused at once when all connections are busy and `maxQueued` calls already
 * wait. "All busy" is what undici itself says, through its public API: `dispatch()` returns false
 * once it has to queue, and the pool emits 'drain' when it no longer has to; only then is the
 * queue's length (`pool.stats.queued`) read, so the usual path pays nothing for the check.
 */
export class UndiciTransport implements MsdkTransport {
  readonly name = 'undici';
  private readonly pools = new Map<string, Pool>();
  /** Pools whose every connection is busy: dispatch() said so, and no 'drain' came since. */
  private readonly full = new Set<Pool>();
  private readonly maxQueued: number;

  constructor(private readonly options: UndiciTransportOptions) {
    this.maxQueued = options.maxQueued ?? options.connections;
  }

  /**
   * One exchange, settled from the handler's callbacks. A network error becomes our typed
   * failure; our own timeout (or an answer readMsdkAnswer refuses) is already one.
   */
  send(request: TransportRequest): Promise<MsdkAnswer> {
    const pool = this.poolFor(request.origin);
    if (this.full.has(pool)) {
      const queued = pool.stats.queued;
      if (queued >= this.maxQueued)
        return Promise.reject(new UpstreamPoolExhaustedError(request.origin, this.options.connections, queued));
    }
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
      const accepted = pool.dispatch(
        {
          method: request.method,
          path: request.pathAndQuery,
          body: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
        },
        handler,
      );
      if (!accepted) this.full.add(pool);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
    this.full.clear();
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
        // Used only for https: origins (undici's documented `connect` options go to tls.connect).
        connect: upstreamTlsOptions(this.options.tls),
      });
      const drained = pool;
      pool.on('drain', () => this.full.delete(drained));
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

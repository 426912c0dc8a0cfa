import type { ConnectionOptions } from 'node:tls';
import type { RedisOptions } from 'ioredis';
import { tlsFailureCode } from '#tls';

/** Redis over TLS. */
export interface RedisTlsOptions {
  /**
   * PEM certificates of the CAs Redis's certificates must chain to; they replace Node's bundled
   * public CAs for Redis (Node's `ca` option). Unset: the public CAs.
   */
  readonly ca?: string;
}

/**
 * ioredis's documented TLS options for one connection setup, or none when `tls` is unset: `tls`
 * for every data node (a single node, each cluster node); with sentinels, the sentinels too
 * (`sentinelTLS`) and the master they name (`enableTLSForSentinelMode`). The certificate is always
 * verified: `rejectUnauthorized` is stated so NODE_TLS_REJECT_UNAUTHORIZED=0 cannot turn it off.
 */
export function redisTlsOptions(tls: RedisTlsOptions | undefined, sentinel: boolean): Partial<RedisOptions> {
  if (tls === undefined) return {};
  const connection: ConnectionOptions = { rejectUnauthorized: true, ...(tls.ca === undefined ? {} : { ca: tls.ca }) };
  return sentinel ? { tls: connection, sentinelTLS: connection, enableTLSForSentinelMode: true } : { tls: connection };
}

/**
 * Remembers why the last connection attempt's TLS handshake failed, until a connection is ready
 * again, so readiness can name the reason instead of "the stream is not writeable". It keeps only
 * the code: Node's error may carry the peer's certificate (a host name mismatch does).
 */
export class RedisTlsWatch {
  private failure: Error | undefined;

  /** Sees each connection error; a TLS failure comes back stripped to its code, others as they are. */
  see(error: Error): Error {
    const code = tlsFailureCode(error);
    if (code === undefined) return error;
    this.failure = new Error(`TLS with Redis failed (${code}): its certificate did not verify`);
    return this.failure;
  }

  /** A connection is ready: whatever failed before is over. */
  connected(): void {
    this.failure = undefined;
  }

  /** The last TLS failure while no connection is ready. */
  get lastFailure(): Error | undefined {
    return this.failure;
  }
}

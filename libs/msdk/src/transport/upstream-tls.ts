import type { ConnectionOptions } from 'node:tls';

/** How an https: MSDK origin is verified. */
export interface UpstreamTlsOptions {
  /**
   * PEM certificates of the CAs that MSDK's certificate must chain to. They replace Node's
   * bundled public CAs for MSDK calls (as Node's `ca` option does); unset: the public CAs.
   */
  readonly ca?: string;
}

/**
 * The tls.connect options both transports give for MSDK: the certificate is always verified.
 * `rejectUnauthorized` is stated, not left to Node's default, so NODE_TLS_REJECT_UNAUTHORIZED=0
 * in the environment cannot switch the check off for MSDK.
 */
export function upstreamTlsOptions(options: UpstreamTlsOptions = {}): ConnectionOptions {
  return { rejectUnauthorized: true, ...(options.ca === undefined ? {} : { ca: options.ca }) };
}

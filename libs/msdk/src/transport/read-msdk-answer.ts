import {
  BadUpstreamResponseError,
  UpstreamTlsError,
  UpstreamUnavailableError,
  type MsdkFailure,
} from '../errors/msdk-errors.js';
import type { MsdkAnswer } from './msdk-transport.js';
import { tlsFailureCode } from '#tls';

/**
 * MSDK's rule: only HTTP 200 carries an answer. 5xx is an outage (retryable); any other
 * non-200, an empty body or a body that is not a JSON object is a bad response. The answer is
 * passed on as MSDK's bytes (`raw`); `body` is what the gateway reads of it (ret, is_lost, errors).
 */
export function readMsdkAnswer(status: number, raw: Buffer): MsdkAnswer {
  if (status >= 500) throw new UpstreamUnavailableError(`MSDK answered HTTP ${status}`, status);
  if (status !== 200) throw new BadUpstreamResponseError(`MSDK answered HTTP ${status}`, status);
  return { raw, body: parseWhole(raw, status) };
}

function parseWhole(bytes: Buffer, status: number): Record<string, unknown> {
  const raw = bytes.toString('utf8');
  if (raw.trim() === '') throw new BadUpstreamResponseError('MSDK answered with an empty body', status);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new BadUpstreamResponseError('MSDK answered with a body that is not JSON', status);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadUpstreamResponseError('MSDK answered with JSON that is not an object', status);
  }
  return body as Record<string, unknown>;
}

/** Error codes that mean the TCP connection was never made: nothing reached MSDK. */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Maps a library's network error onto our typed failure, keeping whether MSDK was reached. A
 * refused TLS handshake is its own failure (fail closed, never retried as if transient).
 */
export function networkFailure(error: unknown): MsdkFailure {
  const tls = tlsFailureCode(error);
  if (tls) return new UpstreamTlsError(tls);
  const code = findCode(error);
  return new UpstreamUnavailableError(
    `Connection to MSDK failed${code ? ` (${code})` : ''}`,
    undefined,
    CONNECT_FAILURES.has(code ?? ''),
  );
}

function findCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('E')) return code;
    if (typeof code === 'string' && code.startsWith('UND_ERR_CONNECT')) return code;
  }
  return undefined;
}

import { Agent as HttpsAgent } from 'node:https';
import type { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { UpstreamTimeoutError } from '../errors/msdk-errors.js';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from './msdk-transport.js';
import { networkFailure, readMsdkAnswer } from './read-msdk-answer.js';
import { upstreamTlsOptions, type UpstreamTlsOptions } from './upstream-tls.js';

/**
 * The @nestjs/axios transport, for deployments that standardise on HttpService. Measured at
 * several times the CPU of undici per request, so it is never the default.
 */
export class AxiosTransport implements MsdkTransport {
  readonly name = 'axios';
  /** Ours, not HttpService's: it carries the MSDK CA and always verifies (axios's documented httpsAgent). */
  private readonly httpsAgent: HttpsAgent;

  constructor(
    private readonly http: HttpService,
    tls?: UpstreamTlsOptions,
  ) {
    this.httpsAgent = new HttpsAgent({ keepAlive: true, ...upstreamTlsOptions(tls) });
  }

  async send(request: TransportRequest): Promise<MsdkAnswer> {
    let status: number;
    let raw: Buffer;
    const { ms, scope } = request.timeout;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new UpstreamTimeoutError(ms, scope)), ms);
    try {
      const res = await firstValueFrom(
        this.http.request<ArrayBuffer>({
          baseURL: request.origin,
          url: request.pathAndQuery,
          method: request.method,
          data: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
          signal: abort.signal,
          httpsAgent: this.httpsAgent,
          responseType: 'arraybuffer',
          // Keep MSDK's bytes as they are: no JSON parsing, no throwing on status.
          transformResponse: [(data: ArrayBuffer) => data],
          validateStatus: () => true,
        }),
      );
      status = res.status;
      raw = Buffer.isBuffer(res.data) ? res.data : Buffer.from(res.data ?? new ArrayBuffer(0)); // Node's adapter gives a Buffer
    } catch (error) {
      if (abort.signal.aborted) throw abort.signal.reason;
      throw networkFailure(error);
    } finally {
      clearTimeout(timer);
    }
    return readMsdkAnswer(status, raw);
  }

  close(): Promise<void> {
    // HttpService belongs to the Nest module; the https agent is ours.
    this.httpsAgent.destroy();
    return Promise.resolve();
  }
}

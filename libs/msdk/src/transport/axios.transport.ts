import type { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from './msdk-transport.js';
import { networkFailure, readMsdkAnswer } from './read-msdk-answer.js';

/**
 * The @nestjs/axios transport, for deployments that standardise on HttpService. Measured at
 * several times the CPU of undici per request, so it is never the default.
 */
export class AxiosTransport implements MsdkTransport {
  readonly name = 'axios';

  constructor(private readonly http: HttpService) {}

  async send(request: TransportRequest): Promise<MsdkAnswer> {
    let status: number;
    let raw: string;
    try {
      const res = await firstValueFrom(
        this.http.request<string>({
          baseURL: request.origin,
          url: request.pathAndQuery,
          method: request.method,
          data: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
          signal: request.signal,
          responseType: 'text',
          // Keep MSDK's bytes as they are: no JSON parsing, no throwing on status.
          transformResponse: [(data: string) => data],
          validateStatus: () => true,
        }),
      );
      status = res.status;
      raw = typeof res.data === 'string' ? res.data : '';
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw networkFailure(error);
    }
    return readMsdkAnswer(status, raw);
  }

  async close(): Promise<void> {
    // HttpService's agents belong to the Nest module; nothing of ours to release.
  }
}

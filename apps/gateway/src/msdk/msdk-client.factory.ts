import { HttpService } from '@nestjs/axios';
import {
  AxiosTransport,
  MsdkClient,
  UndiciTransport,
  type MsdkCallObserver,
  type MsdkTransport,
  type ResilienceOptions,
} from '#msdk';
import type { UpstreamConfig } from '../config/gateway-config.js';

/** undici by default; @nestjs/axios only when configured (it costs several times the CPU). */
export function createTransport(upstream: UpstreamConfig, http: HttpService): MsdkTransport {
  return upstream.transport === 'axios'
    ? new AxiosTransport(http, upstream.tls)
    : new UndiciTransport({ connections: upstream.connections, keepAliveTimeoutMs: 30_000, tls: upstream.tls });
}

export function createMsdkClient(
  transport: MsdkTransport,
  resilience: ResilienceOptions,
  observer?: MsdkCallObserver,
): MsdkClient {
  return new MsdkClient(transport, resilience, observer);
}

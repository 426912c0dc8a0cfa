import { Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { MsdkClient, type ResilienceOptions } from '#msdk';
import { resilienceConfig, upstreamConfig } from '../config/config-namespaces.js';
import type { UpstreamConfig } from '../config/gateway-config.js';
import { createMsdkClient, createTransport } from './msdk-client.factory.js';
import { MsdkBreakersHealthIndicator } from './msdk-breakers.health.js';
import { MsdkForwarder } from './msdk-forwarder.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { MsdkMetricsObserver } from '../metrics/msdk-metrics.observer.js';

/** The upstream side of the gateway: transport, resilient client, forwarder, breaker health. */
@Module({
  imports: [HttpModule, TerminusModule],
  providers: [
    {
      provide: MsdkClient,
      inject: [upstreamConfig.KEY, resilienceConfig.KEY, HttpService, GatewayMetrics],
      useFactory: (
        upstream: UpstreamConfig,
        resilience: ResilienceOptions,
        http: HttpService,
        metrics: GatewayMetrics,
      ) => {
        const observer = new MsdkMetricsObserver(metrics);
        const client = createMsdkClient(createTransport(upstream, http), resilience, observer);
        client.breakers.onStateChange((origin, state) => observer.breakerChanged(origin, state));
        return client;
      },
    },
    MsdkForwarder,
    MsdkBreakersHealthIndicator,
  ],
  exports: [MsdkForwarder, MsdkClient, MsdkBreakersHealthIndicator],
})
export class MsdkModule {}

import { Global, Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics.js';
import { MetricsController } from './metrics.controller.js';

/** One metrics registry per gateway instance, available to every module. */
@Global()
@Module({
  providers: [GatewayMetrics],
  controllers: [MetricsController],
  exports: [GatewayMetrics],
})
export class MetricsModule {}

import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicUnlessConfigured } from '../caller-auth/route-access.decorators.js';
import { GatewayMetrics } from './gateway-metrics.js';

/** Prometheus scrape endpoint; open by default, or `admin`-scoped when metrics.requireAdminKey is set. */
@ApiExcludeController()
@PublicUnlessConfigured('metricsRequireAdmin')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: GatewayMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

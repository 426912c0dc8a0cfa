import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { CacheHealthIndicator } from '#cache';
import { PublicRoute } from '../caller-auth/route-access.decorators.js';
import { MsdkBreakersHealthIndicator } from '../msdk/msdk-breakers.health.js';
import { DrainHealthIndicator } from './drain.health.js';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly msdk: MsdkBreakersHealthIndicator,
    private readonly cache: CacheHealthIndicator,
    private readonly drain: DrainHealthIndicator,
  ) {}

  /** The process answers: nothing external is checked, so an MSDK or Redis outage never restarts us. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Whether this instance should take traffic: not shutting down, MSDK breakers closed and the
   * cache store answering.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.drain.check(), () => this.msdk.check(), () => this.cache.check()]);
  }
}

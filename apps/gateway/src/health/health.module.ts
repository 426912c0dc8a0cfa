import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MsdkModule } from '../msdk/msdk.module.js';
import { DrainState } from '../lifecycle/drain-state.js';
import { DrainHealthIndicator } from './drain.health.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MsdkModule],
  controllers: [HealthController],
  // DrainState is set by the signal handler (main.ts) and read by the pipeline's graceful close.
  providers: [DrainState, DrainHealthIndicator],
  exports: [DrainState],
})
export class HealthModule {}

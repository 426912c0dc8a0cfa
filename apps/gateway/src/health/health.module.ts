import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MsdkModule } from '../msdk/msdk.module.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MsdkModule],
  controllers: [HealthController],
})
export class HealthModule {}

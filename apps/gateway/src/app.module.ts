import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule } from '@nestjs/config';
import { GatewayCacheModule } from './cache/gateway-cache.module.js';
import { CallerAuthGuard } from './caller-auth/caller-auth.guard.js';
import { ClientRegistry } from './caller-auth/client-registry.js';
import { configNamespaces } from './config/config-namespaces.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { AuthModule } from './domains/auth/auth.module.js';
import { FreeflowModule } from './domains/freeflow/freeflow.module.js';
import { FriendModule } from './domains/friend/friend.module.js';
import { GroupModule } from './domains/group/group.module.js';
import { ProfileModule } from './domains/profile/profile.module.js';
import { RelationModule } from './domains/relation/relation.module.js';
import { ShareModule } from './domains/share/share.module.js';
import { ErrorEnvelopeFilter } from './errors/error-envelope.filter.js';
import { HealthModule } from './health/health.module.js';
import { RequestLogger } from './logging/request-logger.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { TracingModule } from './tracing/tracing.module.js';

@Module({})
export class AppModule {
  /** The config is loaded and validated before Nest starts, so a bad one never half-starts us. */
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces(config) }),
        MetricsModule,
        TracingModule.forRoot(logger),
        GatewayCacheModule,
        RateLimitModule,
        HealthModule,
        AuthModule,
        RelationModule,
        GroupModule,
        ProfileModule,
        ShareModule,
        FreeflowModule,
        FriendModule,
      ],
      // The guard and filter are made here and registered, in order, by pipeline/request-pipeline.ts.
      providers: [
        ClientRegistry,
        { provide: RequestLogger, useValue: new RequestLogger(logger) },
        CallerAuthGuard,
        ErrorEnvelopeFilter,
      ],
    };
  }
}

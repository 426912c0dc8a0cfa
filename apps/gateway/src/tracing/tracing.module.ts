import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { tracingConfig } from '../config/config-namespaces.js';
import type { TracingConfig } from '../config/tracing-config.js';
import { HeaderOnlyTracing } from './header-only-tracing.js';
import { OtlpTracing } from './otlp-tracing.js';
import { RequestTracing } from './request-tracing.js';

/**
 * The gateway's tracing, for the trace context step and the forwarder: spans exported over
 * OTLP when an endpoint is configured, else the traceparent headers alone, with no SDK started.
 */
@Module({})
export class TracingModule {
  /** `logger` takes the SDK's own warnings (failed exports). */
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: TracingModule,
      global: true,
      providers: [
        {
          provide: RequestTracing,
          inject: [tracingConfig.KEY],
          useFactory: (config: TracingConfig): RequestTracing =>
            config.otlp ? new OtlpTracing(config.otlp, logger) : new HeaderOnlyTracing(),
        },
      ],
      exports: [RequestTracing],
    };
  }
}

import 'reflect-metadata';
import { NestFactory, type NestApplication } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { Env } from './config/env-source.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { loadGatewayConfig } from './config/load-gateway-config.js';
import { registerAuditLog } from './audit/audit-log.js';
import { registerAccessLog } from './http/access-log.js';
import { registerForwardedAnswers } from './msdk/forwarded-answer.hook.js';
import { registerRequestFields } from './http/request-fields.js';
import { registerDirectCatalogRoutes } from './msdk/direct-catalog-routes.js';
import { registerGracefulClose } from './http/graceful-close.js';
import { registerJsonDepthLimit } from './http/json-depth-limit.js';
import { registerJsonOnly } from './http/json-only.js';
import { requestIdFor } from './http/request-id.js';
import { createGatewayLogs } from './logging/create-logger.js';
import { registerLogOutput } from './logging/register-log-output.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { registerHttpMetrics } from './metrics/http-metrics.hook.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { keepTickObjectMap } from './runtime/keep-tick-object-map.js';
import { createValidationPipe } from './validation/create-validation-pipe.js';

export interface GatewayOptions {
  readonly env: Env;
  /** Where log lines go (tests capture them); stdout by default. */
  readonly logDestination?: DestinationStream;
}

export interface Gateway {
  readonly app: NestFastifyApplication;
  readonly config: GatewayConfig;
  readonly logger: Logger;
}

/** Builds the gateway: config validated first, then Fastify, Nest, validation, docs, logs. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  keepTickObjectMap();
  const config = loadGatewayConfig(options.env);
  const logs = createGatewayLogs({
    level: config.server.logLevel,
    pretty: config.server.prettyLogs,
    secretValues: secretValuesOf(config),
    destination: options.logDestination,
  });
  const { logger } = logs;
  const adapter = new FastifyAdapter({
    bodyLimit: config.server.bodyLimitBytes,
    genReqId: requestIdFor,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new PinoNestLogger(logger),
    // Fastify's own JSON parser, as it is: Nest's would wrap it in new closures on every request
    // (and add a form parser no operation takes; json-only answers 415 to anything but JSON).
    bodyParser: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestFields(fastify);
  const catalogRoutes = registerDirectCatalogRoutes(fastify, app as unknown as NestApplication);
  fastify.addHook('onReady', async () => {
    // Says at startup if a catalog route lost the shortcut (it still works, through Nest's router).
    const viaNest = catalogRoutes.viaNest.map((e) => e.id);
    logger.info(
      { direct: catalogRoutes.direct.length, viaNest },
      `catalog routes: ${catalogRoutes.direct.length} served directly, ${viaNest.length} through Nest's router`,
    );
  });
  registerAccessLog(fastify, logger);
  registerForwardedAnswers(fastify);
  registerAuditLog(fastify, logs.audit);
  registerJsonOnly(fastify);
  registerJsonDepthLimit(fastify);
  registerGracefulClose(fastify);
  registerHttpMetrics(fastify, app.get(GatewayMetrics));
  registerLogOutput(fastify, logs, app.get(GatewayMetrics).registry);
  setupOpenApi(app);
  return { app, config, logger };
}

/** Every configured key, so the logger can scrub them wherever they would appear. */
function secretValuesOf(config: GatewayConfig): string[] {
  return config.games.flatMap((g) => {
    const { v3, v5 } = g.credentials;
    return [v3.msdkKey, v3.qqAppKey, v3.wechatAppKey, v5?.sigKey].filter((v): v is string => !!v);
  });
}

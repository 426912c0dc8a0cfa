import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Domain } from '#msdk';
import { describeHealthOperations } from './describe-health.js';
import { describeMsdkOperations } from './describe-operations.js';
import { pruneUnusedSchemas } from './prune-schemas.js';

/** What each tag (a gateway domain) fronts; a Record, so a new domain cannot go undescribed. */
const TAGS: Readonly<Record<Domain | 'health', string>> = {
  auth: 'Login verification: MSDK /auth/*',
  relation: 'Profiles and friend lists: MSDK /relation/* (cached)',
  group: 'QQ and WeChat guild groups: MSDK /relation/*group*',
  profile: 'VIP, real-name, gifts, Xinyue, achievements and WeChat subscriptions: MSDK /profile/*',
  share: 'Back-end shares to one mobile QQ friend: MSDK /share/*',
  freeflow: 'Carrier data-free lookups: MSDK /freeflow/*',
  friend: 'The MSDK V5 (ITOP) friend API: /v2/friend/*, /v2/profile/get_sopenid',
  health: 'Probes for the orchestrator (no client key)',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('msdk-gateway')
    .setDescription(
      "Call MSDK without signing: send `openid`, `accessToken` and the interface's own MSDK fields as JSON; " +
        'the gateway adds appid, sig, timestamp and encode. Each operation names the MSDK interface it fronts in ' +
        "`x-msdk-interface`. A 200 is MSDK's JSON unchanged (ret 0), with `X-Cache`, `X-Request-Id` and, where the " +
        'interface has is_lost, `X-Msdk-Is-Lost`; a failure is `{"error": {"code", "message", "requestId", ' +
        '"fields"?, "msdk"?}}` with a stable code per status.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED: internal use only', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'The gateway serving this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque client key',
      description:
        'An opaque client key issued by the gateway operators (not a JWT): `Authorization: Bearer <client key>`. ' +
        'A key may use several games: then send `X-Game-Id`.',
    });
  for (const [tag, description] of Object.entries(TAGS)) builder.addTag(tag, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  describeMsdkOperations(document);
  describeHealthOperations(document);
  pruneUnusedSchemas(document);
  return document;
}

/** Served at /docs-json (the document) and /docs (a UI from local assets), with no key needed. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    // showExtensions: each operation shows its x-msdk-interface. validatorUrl 'none': no badge
    // fetched from swagger.io, so the page needs nothing but the gateway's own assets.
    swaggerOptions: { showExtensions: true, validatorUrl: 'none' },
  });
  return document;
}

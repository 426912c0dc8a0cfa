import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('msdk-gateway')
    .setDescription(
      "Call MSDK without signing: send `openid`, `accessToken` and the interface's own MSDK fields as JSON; " +
        'the gateway adds appid, sig, timestamp and encode. Each operation names the MSDK interface it fronts in `x-msdk-interface`. ' +
        'Successes are MSDK\'s JSON unchanged; failures are `{"error": {"code", "message", "requestId", "msdk"?}}`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Client key issued by the gateway operators' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Served at /docs-json (the document) and /docs (a UI), with no key needed. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  return document;
}

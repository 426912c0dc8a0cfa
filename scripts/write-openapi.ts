import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createGateway } from '../apps/gateway/src/bootstrap.js';
import { buildOpenApiDocument } from '../apps/gateway/src/openapi/setup-openapi.js';
import { OPENAPI_JSON, renderOpenApiJson } from './contract-files.js';

/**
 * `npm run openapi:write`: builds the gateway as it serves itself (without listening, calling
 * MSDK or Redis) and writes its OpenAPI document to docs/openapi.json, which `npm run lint`
 * checks with Redocly and a test holds equal to the served /docs-json. The keys are made up:
 * the document never depends on them.
 */
async function main(): Promise<void> {
  const key = () => randomBytes(16).toString('hex');
  const { app } = await createGateway({
    env: {
      GATEWAY_CONFIG_FILE: 'config/gateway.dev.json',
      CACHE_ENABLED: '0',
      LOG_LEVEL: 'silent',
      MSDK_V3_BASE_URL: 'http://127.0.0.1:3100',
      MSDK_V5_BASE_URL: 'http://127.0.0.1:3100/v5',
      MSDK_GAME_DEMO_MSDKKEY: key(),
      MSDK_GAME_DEMO_V5_SIGKEY: key(),
    },
  });
  const document = buildOpenApiDocument(app);
  await app.close();
  await writeFile(OPENAPI_JSON, await renderOpenApiJson(document));
  process.stdout.write(`wrote ${OPENAPI_JSON}\n`);
}

void main();

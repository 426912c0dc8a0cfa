import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES } from '#msdk';
import { GatewayHarness } from '../support/gateway-harness.js';
import { get } from '../support/http-client.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { readCommittedDocument, type OpenApiDocument } from './openapi-validator.js';

describe('the OpenAPI document and its page', () => {
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (_s, g) => (gateway = g));

  const served = async () => (await get(`${gateway.url}/docs-json`)).json as OpenApiDocument;

  it('is served exactly as committed in docs/openapi.json (npm run openapi:write refreshes it)', async () => {
    expect(await served()).toEqual(readCommittedDocument());
  });

  it("documents every catalog row's answer: MSDK's 200 with an example, the headers, the error statuses", async () => {
    const operations = Object.values((await served()).paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => typeof op['x-msdk-interface'] === 'string');
    expect(operations.map((op) => op['x-msdk-interface']).sort()).toEqual(ALL_ENTRIES.map((e) => e.path).sort());
    for (const entry of ALL_ENTRIES) {
      const op = operations.find((o) => o['x-msdk-interface'] === entry.path)!;
      const ok = op.responses['200'] as {
        headers: Record<string, unknown>;
        content: { 'application/json': { schema: { $ref: string }; example: unknown } };
      };
      expect(ok.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\/\w+Answer$/);
      expect(ok.content['application/json'].example).toMatchObject({ ret: 0 });
      expect(Object.keys(ok.headers).sort()).toEqual(
        ['X-Cache', 'X-Request-Id', 'traceparent', ...(entry.hasIsLost ? ['X-Msdk-Is-Lost'] : [])].sort(),
      );
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '413', '415', '429', '502', '503', '504']),
      );
    }
  });

  it('describes the client key as an opaque bearer key, not a JWT', async () => {
    const doc = (await served()) as unknown as {
      components: { securitySchemes: Record<string, { type: string; scheme: string; bearerFormat?: string }> };
    };
    const { bearer } = doc.components.securitySchemes;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.bearerFormat).not.toMatch(/jwt/i);
  });

  it("shows x-msdk-interface, from the gateway's own assets only (nothing from a CDN or swagger.io)", async () => {
    const page = await get(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    const assets = [...page.text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const url = new URL(asset, `${gateway.url}/docs`);
      expect(url.origin).toBe(new URL(gateway.url).origin);
      expect((await get(url.href)).status).toBe(200);
    }
    const init = (await get(`${gateway.url}/docs/swagger-ui-init.js`)).text;
    expect(init).toMatch(/"showExtensions":\s*true/);
    expect(init).toMatch(/"validatorUrl":\s*"none"/);
  });
});

import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import { GatewayHarness } from '../support/gateway-harness.js';
import { post, type HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { ALL_SAMPLES } from './samples/all.samples.js';

const SAMPLES = ALL_SAMPLES;
const byId = new Map(SAMPLES.map((s) => [s.id, s]));

/** The envelope names the request by the id its X-Request-Id header carries. */
const sameId = (res: HttpResult, body: { error?: { requestId?: string } }) =>
  typeof body.error?.requestId === 'string' && body.error.requestId === res.headers.get('x-request-id');

/** One table over the whole catalog: every row, its signature, its mapping, its bytes. */
describe('the whole catalog through the gateway', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  // Forwarding is under test: every call must reach the sandbox, and the deliberate burst of 502s
  // must neither open the breaker nor exhaust the retry budget.
  withSandboxAndGateway(
    {
      env: { CACHE_ENABLED: '0' },
      resilience: { breakerThreshold: 1000, retryBudgetMinPerSecond: 1000 },
    },
    (s, g) => ((sandbox = s), (gateway = g)),
  );

  it('has exactly one sample for each catalog row', () => {
    expect(SAMPLES.map((s) => s.id).sort()).toEqual(ALL_ENTRIES.map((e) => e.id).sort());
  });

  it("every catalog route runs Nest's guards and validation pipe, and their refusals leave in the error envelope", async () => {
    const refusals = [];
    for (const entry of ALL_ENTRIES) {
      const { route } = byId.get(entry.id)!;
      const unauthenticated = await post(`${gateway.url}${route}`, byId.get(entry.id)!.body);
      const invalid = await gateway.call(route, {});
      for (const res of [unauthenticated, invalid]) {
        const body = res.json as { error?: { code?: string; requestId?: string } };
        refusals.push({ route, status: res.status, code: body.error?.code, requestIdEchoed: sameId(res, body) });
      }
    }
    expect(refusals).toEqual(
      ALL_ENTRIES.flatMap((entry) => {
        const { route } = byId.get(entry.id)!;
        return [
          { route, status: 401, code: 'CALLER_UNAUTHENTICATED', requestIdEchoed: true },
          { route, status: 400, code: 'VALIDATION_FAILED', requestIdEchoed: true },
        ];
      }),
    );
    expect((await sandbox.calls()).length).toBe(0);
  });

  it('errors raised before Nest routes the request (content type, unknown route) leave in the same envelope', async () => {
    const { route } = SAMPLES[0];
    const notJson = await post(`${gateway.url}${route}`, 'openid=x', { 'content-type': 'text/plain' });
    const unknown = await gateway.call('/v1/relation/no_such_interface', {});
    expect([notJson, unknown].map((r) => [r.status, (r.json as { error: { code: string } }).error.code])).toEqual([
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [404, 'NOT_FOUND'],
    ]);
    for (const res of [notJson, unknown])
      expect(sameId(res, res.json as { error?: { requestId?: string } })).toBe(true);
  });

  for (const entry of ALL_ENTRIES as CatalogEntry[]) {
    it(`${entry.path}: signed, mapped, and answered with the sandbox's bytes`, async () => {
      const sample = byId.get(entry.id)!;
      const res = await gateway.call(sample.route, sample.body);
      expect(res.status).toBe(200);

      const calls = await sandbox.calls(entry.path);
      expect(calls.length).toBe(1);
      const [call] = calls;
      expect(call.method).toBe(entry.method);
      expect(call.verdict).toBe('ok');
      expect(entry.protocol === 'v3' ? call.query.appid : call.query.gameid).toBe(sample.appid);
      expect(call.query.sig).toMatch(/^[0-9a-f]{32}$/);

      const sent = (entry.method === 'GET' ? call.query : call.body) as Record<string, unknown>;
      if (entry.fields.accessToken) expect(sent[entry.fields.accessToken]).toBe(sample.body.accessToken);
      if (entry.fields.accessToken !== 'accessToken') expect(sent.accessToken).toBe(undefined);
      for (const [field] of Object.entries(entry.fields.appid ?? {})) {
        if (!field.includes('.')) expect(String(sent[field])).toBe(sample.appid);
      }
      expect(res.text).toBe(call.response);
    });
  }

  const reads = (ALL_ENTRIES as CatalogEntry[]).filter((e) => e.retry === 'safe');
  const writes = (ALL_ENTRIES as CatalogEntry[]).filter((e) => e.retry === 'never');

  for (const entry of writes) {
    it(`${entry.path} is never repeated: a 502 means exactly one upstream call`, async () => {
      await sandbox.fault({ interface: entry.path, httpStatus: 502, times: 5 });
      const res = await gateway.call(byId.get(entry.id)!.route, byId.get(entry.id)!.body);
      expect(res.status).toBe(502);
      expect((await sandbox.calls(entry.path)).length).toBe(1);
    });
  }

  for (const entry of reads) {
    it(`${entry.path} is a read: 502 once then success is 200 after two calls`, async () => {
      await sandbox.fault({ interface: entry.path, httpStatus: 502 });
      const res = await gateway.call(byId.get(entry.id)!.route, byId.get(entry.id)!.body);
      expect(res.status).toBe(200);
      expect((await sandbox.calls(entry.path)).length).toBe(2);
    });
  }

  it('the OpenAPI document lists every catalog interface, each once, as x-msdk-interface', async () => {
    const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const names = Object.values(doc.paths)
      .flatMap((p) => Object.values(p))
      .map((op) => op['x-msdk-interface'])
      .filter((n): n is string => typeof n === 'string');
    expect(names.length).toBe(ALL_ENTRIES.length);
    expect(new Set(names)).toEqual(new Set(ALL_ENTRIES.map((e) => e.path)));
    for (const entry of ALL_ENTRIES) {
      expect(doc.paths[byId.get(entry.id)!.route]?.post?.['x-msdk-interface']).toBe(entry.path);
    }
  });

  it('the OpenAPI document describes every request field (its MSDK meaning and limits)', async () => {
    type Schema = { properties?: Record<string, { description?: string }> };
    const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as {
      components: { schemas: Record<string, Schema> };
    };
    const undescribed = Object.entries(doc.components.schemas)
      .filter(([name]) => name.endsWith('Dto'))
      .flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {})
          .filter(([, p]) => !p.description)
          .map(([field]) => `${name}.${field}`),
      );
    expect(undescribed).toEqual([]);
  });
});

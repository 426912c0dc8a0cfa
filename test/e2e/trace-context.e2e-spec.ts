import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/free-port.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { post } from '../support/http-client.js';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { FRIEND_SAMPLES } from './samples/friend.samples.js';
import { PROFILE_SAMPLES } from './samples/profile.samples.js';
import { QQ_USER, RELATION_SAMPLES } from './samples/relation.samples.js';

const VERIFY = { route: '/v1/auth/verify_login', path: '/auth/verify_login', body: QQ_USER };
const QQPROFILE = RELATION_SAMPLES.find((s) => s.id === 'relation.qqprofile')!;
const GIFT = PROFILE_SAMPLES.find((s) => s.id === 'profile.get_gift')!;
const FRIEND = FRIEND_SAMPLES[0];

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const CALLERS = `00-${TRACE_ID}-${CALLER_SPAN}-01`;
const VERSION_00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** trace id, parent id and flags of a traceparent the gateway sent (to the caller or to MSDK). */
function fieldsOf(traceparent: string | null | undefined): { traceId: string; parentId: string; flags: string } {
  const parts = VERSION_00.exec(traceparent ?? '');
  if (!parts) throw new Error(`not a version 00 traceparent: ${traceparent}`);
  return { traceId: parts[1], parentId: parts[2], flags: parts[3] };
}

type Line = Record<string, unknown>;
/** The log lines of one request (by its id), once they are there: the response hooks run after the answer. */
async function linesOf(gateway: GatewayHarness, requestId: string | null, until: (lines: Line[]) => boolean) {
  for (let tries = 0; ; tries++) {
    const lines = gateway.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.requestId === requestId);
    if (until(lines) || tries > 100) return lines;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('trace context, export off (the default)', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  it("keeps a caller's traceparent: its trace id and flags go back and to MSDK, under the gateway's own span id", async () => {
    const res = await gateway.call(VERIFY.route, VERIFY.body, { headers: { traceparent: CALLERS } });
    expect(res.status).toBe(200);
    const answered = fieldsOf(res.headers.get('traceparent'));
    expect(answered.traceId).toBe(TRACE_ID);
    expect(answered.flags).toBe('01');
    expect(answered.parentId).not.toBe(CALLER_SPAN);
    const [call] = await sandbox.calls(VERIFY.path);
    expect(call.headers.traceparent).toBe(res.headers.get('traceparent'));
  });

  it('starts a new trace when the caller sent none, and MSDK gets it', async () => {
    const res = await gateway.call(VERIFY.route, VERIFY.body);
    const answered = fieldsOf(res.headers.get('traceparent'));
    expect(answered.traceId).not.toBe('0'.repeat(32));
    const [call] = await sandbox.calls(VERIFY.path);
    expect(fieldsOf(call.headers.traceparent).traceId).toBe(answered.traceId);
  });

  const malformed: Array<[string, string]> = [
    ['upper-case hex', CALLERS.toUpperCase()],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${CALLER_SPAN}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-${CALLER_SPAN}-01`],
    ['version 00 with more after the flags', `${CALLERS}-extra`],
    ['a short trace id', `00-${TRACE_ID.slice(2)}-${CALLER_SPAN}-01`],
    ['a missing flags field', `00-${TRACE_ID}-${CALLER_SPAN}`],
    ['not hex', `00-${'g'.repeat(32)}-${CALLER_SPAN}-01`],
    ['two headers (joined by Node)', `${CALLERS}, ${CALLERS}`],
  ];
  for (const [what, header] of malformed) {
    it(`replaces a traceparent with ${what} by a new trace`, async () => {
      const res = await gateway.call(VERIFY.route, VERIFY.body, { headers: { traceparent: header } });
      expect(res.status).toBe(200);
      const answered = fieldsOf(res.headers.get('traceparent'));
      expect(answered.traceId).not.toBe(TRACE_ID);
      expect(answered.traceId).not.toBe('0'.repeat(32));
    });
  }

  it('keeps a traceparent of a later version (the spec: parse what version 00 defines, ignore the rest)', async () => {
    const res = await gateway.call(VERIFY.route, VERIFY.body, {
      headers: { traceparent: `01-${TRACE_ID}-${CALLER_SPAN}-01-future` },
    });
    expect(fieldsOf(res.headers.get('traceparent')).traceId).toBe(TRACE_ID);
  });

  it('MSDK gets the traceparent on every attempt, retries included', async () => {
    await sandbox.fault({ interface: VERIFY.path, httpStatus: 502 });
    const res = await gateway.call(VERIFY.route, VERIFY.body, { headers: { traceparent: CALLERS } });
    expect(res.status).toBe(200);
    const calls = await sandbox.calls(VERIFY.path);
    expect(calls.length).toBe(2);
    for (const call of calls) expect(call.headers.traceparent).toBe(res.headers.get('traceparent'));
  });

  it('the access line carries the trace id', async () => {
    const res = await gateway.call(VERIFY.route, VERIFY.body, { headers: { traceparent: CALLERS } });
    const lines = await linesOf(gateway, res.headers.get('x-request-id'), (l) => l.some((x) => x.msg === 'request'));
    expect(lines.find((l) => l.msg === 'request')?.traceId).toBe(TRACE_ID);
  });

  it('a refused call answers with a traceparent, and its warning and access lines carry the trace id', async () => {
    const res = await post(`${gateway.url}${VERIFY.route}`, VERIFY.body, {
      authorization: 'Bearer not-a-key',
      traceparent: CALLERS,
    });
    expect(res.status).toBe(401);
    expect(fieldsOf(res.headers.get('traceparent')).traceId).toBe(TRACE_ID);
    const lines = await linesOf(gateway, res.headers.get('x-request-id'), (l) => l.some((x) => x.msg === 'request'));
    expect(lines.some((l) => l.context === 'CallerAuth')).toBe(true);
    expect(lines.length >= 2).toBe(true);
    for (const line of lines) expect(line.traceId).toBe(TRACE_ID);
  });

  it('the audit line of a write interface carries the trace id', async () => {
    const res = await gateway.call(GIFT.route, GIFT.body, { headers: { traceparent: CALLERS } });
    const lines = await linesOf(gateway, res.headers.get('x-request-id'), (l) => l.some((x) => x.audit === true));
    const audit = lines.find((l) => l.audit === true);
    expect(audit?.traceId).toBe(TRACE_ID);
  });
});

for (const transport of ['undici', 'axios'] as const) {
  describe(`trace context with OTLP export (the ${transport} transport)`, () => {
    let receiver!: OtlpReceiver;
    let sandbox!: SandboxHarness;
    let gateway!: GatewayHarness;
    beforeAll(async () => {
      receiver = await OtlpReceiver.start();
      sandbox = await SandboxHarness.start();
      gateway = await GatewayHarness.start({
        sandbox,
        env: {
          MSDK_TRANSPORT: transport,
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_BSP_SCHEDULE_DELAY: '50',
        },
      });
    });
    afterAll(async () => {
      await gateway?.close();
      await sandbox?.close();
      await receiver?.close();
    });

    const attributesOf = (span: ReceivedSpan | undefined) => span?.attributes ?? {};

    it("exports a span per request and one per MSDK attempt, each attempt's span the parent MSDK sees", async () => {
      await sandbox.fault({ interface: '/relation/qqprofile', httpStatus: 502 });
      const res = await gateway.call(QQPROFILE.route, QQPROFILE.body, { headers: { traceparent: CALLERS } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('MISS');
      const answered = fieldsOf(res.headers.get('traceparent'));
      expect(answered.traceId).toBe(TRACE_ID);
      const calls = await sandbox.calls('/relation/qqprofile');
      expect(calls.length).toBe(2);
      const sent = calls.map((c) => fieldsOf(c.headers.traceparent));
      for (const s of sent) expect(s.traceId).toBe(TRACE_ID);
      expect(new Set(sent.map((s) => s.parentId)).size).toBe(2);

      const spans = await receiver.spansOf(TRACE_ID, (s) => s.length >= 3);
      const server = spans.find((s) => s.spanId === answered.parentId);
      expect(server?.name).toBe(`POST ${QQPROFILE.route}`);
      expect(server?.parentSpanId).toBe(CALLER_SPAN);
      expect(server?.serviceName).toBe('msdk-gateway');
      expect(attributesOf(server)).toMatchObject({
        'msdk.interface': 'relation.qqprofile',
        'msdk.cache_result': 'MISS',
        'msdk.attempts': 2,
        'http.response.status_code': 200,
        'http.route': QQPROFILE.route,
      });
      const attempts = spans.filter((s) => s.parentSpanId === server?.spanId);
      expect(attempts.map((s) => s.spanId).sort()).toEqual(sent.map((s) => s.parentId).sort());
      const byNumber = new Map(attempts.map((s) => [s.attributes['msdk.attempt'], s]));
      expect(byNumber.get(1)?.name).toBe('msdk /relation/qqprofile');
      expect(attributesOf(byNumber.get(1))).toMatchObject({
        'msdk.interface': 'relation.qqprofile',
        'msdk.outcome': 'unavailable',
      });
      expect(attributesOf(byNumber.get(2))).toMatchObject({
        'msdk.interface': 'relation.qqprofile',
        'msdk.outcome': 'ok',
      });
      // The attempt MSDK answered first is the one named first in what it received.
      expect(byNumber.get(1)?.spanId).toBe(sent[0].parentId);
    });

    it('a cache hit is a request span with the cache result and no attempt span', async () => {
      const traceId = 'a'.repeat(31) + '1';
      const res = await gateway.call(QQPROFILE.route, QQPROFILE.body, {
        headers: { traceparent: `00-${traceId}-${CALLER_SPAN}-01` },
      });
      expect(res.headers.get('x-cache')).toBe('HIT');
      const [server] = await receiver.spansOf(traceId, (s) => s.length >= 1);
      expect(attributesOf(server)).toMatchObject({ 'msdk.cache_result': 'HIT', 'msdk.attempts': 0 });
      expect(receiver.spans.filter((s) => s.parentSpanId === server.spanId)).toEqual([]);
    });

    it('a new trace is sampled and exported; a caller that did not sample is not', async () => {
      const res = await gateway.call(VERIFY.route, VERIFY.body);
      const { traceId, flags } = fieldsOf(res.headers.get('traceparent'));
      expect(flags).toBe('01');
      await receiver.spansOf(traceId, (s) => s.length >= 2);
      const unsampled = 'b'.repeat(31) + '1';
      const quiet = await gateway.call(VERIFY.route, VERIFY.body, {
        headers: { traceparent: `00-${unsampled}-${CALLER_SPAN}-00` },
      });
      expect(fieldsOf(quiet.headers.get('traceparent')).flags).toBe('00');
      const [call] = (await sandbox.calls(VERIFY.path)).slice(-1);
      expect(fieldsOf(call.headers.traceparent).traceId).toBe(unsampled);
      // A later sampled request's spans arriving shows the export ran past the unsampled one.
      const later = await gateway.call(VERIFY.route, VERIFY.body);
      await receiver.spansOf(fieldsOf(later.headers.get('traceparent')).traceId, (s) => s.length >= 2);
      expect(receiver.spans.some((s) => s.traceId === unsampled)).toBe(false);
    });

    it('no secret reaches the exported payload: keys, tokens, signatures, openids, the client key', async () => {
      // A V3 read, a V3 write and a V5 call: each signs differently.
      await gateway.call(QQPROFILE.route, QQPROFILE.body, { headers: { 'cache-control': 'no-cache' } });
      await gateway.call(GIFT.route, GIFT.body);
      await gateway.call(FRIEND.route, FRIEND.body);
      const res = await gateway.call(VERIFY.route, VERIFY.body);
      await receiver.spansOf(fieldsOf(res.headers.get('traceparent')).traceId, (s) => s.length >= 2);
      const sigs = (await sandbox.calls()).map((c) => c.query.sig).filter(Boolean);
      expect(sigs.length > 0).toBe(true);
      const secrets = [
        sandbox.keys.msdkKey,
        sandbox.keys.qqAppKey,
        sandbox.keys.wechatAppKey,
        sandbox.keys.sigKey,
        gateway.defaultClient.key,
        QQ_USER.accessToken,
        QQ_USER.openid,
        ...sigs,
      ] as string[];
      const payload = receiver.bodies.join('\n');
      expect(payload.length > 0).toBe(true);
      for (const secret of secrets) expect(payload.includes(secret) ? secret : 'absent').toBe('absent');
      for (const word of ['msdkkey', 'appkey', 'access_token', 'accessToken', 'sig='])
        expect(payload).not.toContain(word);
    });
  });
}

describe('export at shutdown', () => {
  it('spans still queued when the gateway closes are exported before it is closed', async () => {
    const receiver = await OtlpReceiver.start();
    const sandbox = await SandboxHarness.start();
    // An export interval no test waits for: only the shutdown's flush can send these spans.
    const gateway = await GatewayHarness.start({
      sandbox,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '600000' },
    });
    let closed = false;
    try {
      const res = await gateway.call(VERIFY.route, VERIFY.body);
      const { traceId } = fieldsOf(res.headers.get('traceparent'));
      // The request span ends in the response hook, just after the answer: wait for its access line.
      await linesOf(gateway, res.headers.get('x-request-id'), (l) => l.some((x) => x.msg === 'request'));
      expect(receiver.spans.some((s) => s.traceId === traceId)).toBe(false);
      await gateway.close();
      closed = true;
      const names = receiver.spans.filter((s) => s.traceId === traceId).map((s) => s.name);
      expect(names.sort()).toEqual([`POST ${VERIFY.route}`, `msdk ${VERIFY.path}`]);
    } finally {
      if (!closed) await gateway.close();
      await sandbox.close();
      await receiver.close();
    }
  });
});

describe('a collector that is down or stalled', () => {
  for (const kind of ['dead', 'stalled'] as const) {
    it(`a ${kind} collector fails no request, and the gateway still closes`, async () => {
      const stalled = kind === 'stalled' ? await OtlpReceiver.start({ hang: true }) : undefined;
      const url = stalled?.url ?? `http://127.0.0.1:${await freePort()}`;
      const sandbox = await SandboxHarness.start();
      const gateway = await GatewayHarness.start({
        sandbox,
        env: {
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${url}/v1/traces`,
          OTEL_BSP_SCHEDULE_DELAY: '20',
          OTEL_BSP_MAX_QUEUE_SIZE: '8',
          OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '4',
          OTEL_EXPORTER_OTLP_TIMEOUT: '300',
        },
      });
      try {
        // Enough requests to fill the queue many times over, across many export rounds.
        for (let i = 0; i < 40; i++) {
          const res = await gateway.call(VERIFY.route, VERIFY.body);
          expect(res.status).toBe(200);
        }
        const parallel = await Promise.all(Array.from({ length: 20 }, () => gateway.call(VERIFY.route, VERIFY.body)));
        expect(parallel.map((r) => r.status)).toEqual(parallel.map(() => 200));
        // The exports did fail meanwhile: the SDK's report of it is a warning in the gateway's log.
        const warned = () => gateway.logs.some((l) => (JSON.parse(l) as Line).context === 'Tracing');
        for (let tries = 0; !warned() && tries < 200; tries++) await new Promise((r) => setTimeout(r, 25));
        expect(warned()).toBe(true);
      } finally {
        await gateway.close();
        await sandbox.close();
        await stalled?.close();
      }
    });
  }
});

import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MsdkAnswer } from '../support/gateway-answer.js';
import { newClientKey, sha256 } from '../support/gateway-harness.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { get, post, type HttpResult } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';

const clientKey = newClientKey();
const IN_FLIGHT = 20;
const SLOW_MS = 1500;
/** Short: these tests are about the drain of in-flight requests that follows the delay. */
const DRAIN_DELAY_MS = 200;
const configObject = (v3BaseUrl: string) => ({
  upstream: { v3BaseUrl },
  games: [{ id: 'demo', qqAppId: TEST_GAME.qqAppId, wechatAppId: TEST_GAME.wechatAppId }],
  clients: [{ name: 'lifecycle', keySha256: [sha256(clientKey)], games: ['demo'], scopes: ['auth'] }],
});
const config = (v3BaseUrl: string) => JSON.stringify(configObject(v3BaseUrl));

/** Asks again every 50 ms until the answer passes `done` (10 s at most). */
async function pollUntil<T>(ask: () => Promise<HttpResult<T>>, done: (r: HttpResult<T>) => boolean) {
  for (const deadline = Date.now() + 10_000; ;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the gateway process', () => {
  let sandbox: SandboxHarness;
  beforeAll(async () => (sandbox = await SandboxHarness.start()));
  afterAll(() => sandbox.close());

  it('refuses to start without the msdkkey, naming the variable and not leaking values', async () => {
    const proc = GatewayProcess.spawn({ GATEWAY_CONFIG_JSON: config(sandbox.url) });
    expect(await proc.exitCode()).not.toBe(0);
    expect(proc.stderr).toMatch(/MSDK_GAME_DEMO_MSDKKEY \(or MSDK_GAME_DEMO_MSDKKEY_FILE\) is missing/);
  });

  it('refuses a placeholder key in production, naming it', async () => {
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: config(sandbox.url),
      NODE_ENV: 'production',
      MSDK_GAME_DEMO_MSDKKEY: 'changeme',
    });
    expect(await proc.exitCode()).not.toBe(0);
    expect(proc.stderr).toMatch(/MSDK_GAME_DEMO_MSDKKEY looks like a placeholder/);
    expect(!proc.stderr.includes('changeme')).toBeTruthy();
  });

  it('refuses one client key listed for two clients, naming the second', async () => {
    const twoClients = configObject(sandbox.url);
    twoClients.clients.push({ ...twoClients.clients[0], name: 'copy' });
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: JSON.stringify(twoClients),
      MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
    });
    expect(await proc.exitCode()).not.toBe(0);
    expect(proc.stderr).toMatch(/clients\[1\]\.keySha256 lists a key another client already has/);
  });

  it('reads the key from a *_FILE; on SIGTERM drains every in-flight request, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    const keyFile = join(dir, 'msdkkey');
    writeFileSync(keyFile, `${sandbox.keys.msdkKey}\n`);
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: config(sandbox.url),
      MSDK_GAME_DEMO_MSDKKEY_FILE: keyFile,
      SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    });
    const url = await proc.listening();
    await sandbox.fault({ interface: '/auth/verify_login', delayMs: 800, times: IN_FLIGHT });
    // One user each: MSDK's per-user frequency limit would refuse repeats of one user.
    const inFlight = Array.from({ length: IN_FLIGHT }, (_, i) =>
      post<MsdkAnswer>(
        `${url}/v1/auth/verify_login`,
        { openid: `USER${i}`, accessToken: 'TOKEN' },
        { authorization: `Bearer ${clientKey}` },
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const outputClosed = once(proc.child, 'close');
    const signalledAt = Date.now();
    proc.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.json.ret === 0)).toBe(true);
    // A clean drain is a clean stop: exit code 0, not the signal re-raised (143), and promptly
    // (the drain delay, then the in-flight requests' 800 ms at most).
    expect(await proc.exitCode()).toBe(0);
    expect(proc.child.signalCode).toBe(null);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    // Their access lines still reached stdout: the logs are flushed when the server closes.
    await outputClosed;
    const lines = proc.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      lines.filter((l) => l.msg === 'request' && l.route === '/v1/auth/verify_login' && l.status === 200),
    ).toHaveLength(IN_FLIGHT);
  });

  it('during the drain delay: not ready, still serving new connections, every answer closing its connection', async () => {
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: config(sandbox.url),
      MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
      // Longer than the test: the second signal ends it.
      SHUTDOWN_DRAIN_DELAY_MS: '60000',
    });
    const url = await proc.listening();
    const login = (openid: string) =>
      post<MsdkAnswer>(
        `${url}/v1/auth/verify_login`,
        { openid, accessToken: 'TOKEN' },
        { authorization: `Bearer ${clientKey}` },
      );
    expect((await get(`${url}/health/ready`)).status).toBe(200);
    const before = await login('BEFORE');
    expect(before.status).toBe(200);
    expect(before.headers.get('connection')).not.toBe('close');

    proc.child.kill('SIGTERM');
    const ready = await pollUntil(
      () => get<{ error?: Record<string, { reason?: string }> }>(`${url}/health/ready`),
      (r) => r.status === 503,
    );
    expect(ready.json.error?.shutdown?.reason).toBe('draining before shutdown');
    expect((await get(`${url}/health/live`)).status).toBe(200);
    const during = await login('DURING');
    expect(during.status).toBe(200);
    expect(during.json.ret).toBe(0);
    expect(during.headers.get('connection')).toBe('close');

    // A second signal ends the delay: the process stops listening and exits 0 (nothing in flight).
    proc.child.kill('SIGTERM');
    expect(await proc.exitCode()).toBe(0);
    expect(proc.stdout).toMatch(/another signal during the drain delay: closing now/);
  });

  it('a second SIGTERM while draining in-flight requests exits at once, non-zero', async () => {
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: config(sandbox.url),
      MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
      // No delay: the first signal starts the drain of in-flight requests at once.
      SHUTDOWN_DRAIN_DELAY_MS: '0',
    });
    const url = await proc.listening();
    await sandbox.fault({ interface: '/auth/verify_login', delayMs: SLOW_MS, times: 1 });
    const inFlight = post(
      `${url}/v1/auth/verify_login`,
      { openid: 'SLOW', accessToken: 'TOKEN' },
      { authorization: `Bearer ${clientKey}` },
    ).catch(() => undefined); // the process goes away under it
    await new Promise((r) => setTimeout(r, 300));
    proc.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const secondAt = Date.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exitCode()).toBe(143);
    expect(Date.now() - secondAt).toBeLessThan(1500);
    await inFlight;
    // The sandbox's delayed answer (a timer) ends before the suite does.
    await new Promise((r) => setTimeout(r, SLOW_MS));
  });

  it('a drain that outlasts its bound (the deadline + 3 s) exits 1', async () => {
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: JSON.stringify({
        ...configObject(sandbox.url),
        resilience: { attemptTimeoutMs: 500, deadlineMs: 500 },
      }),
      MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
      SHUTDOWN_DRAIN_DELAY_MS: '0',
    });
    const { hostname, port } = new URL(await proc.listening());
    // A caller that stops halfway through its body keeps its request in flight.
    const stalled = connect(Number(port), hostname, () =>
      stalled.write(
        'POST /v1/auth/verify_login HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n' +
          `Authorization: Bearer ${clientKey}\r\nContent-Length: 100\r\n\r\n{"openid":`,
      ),
    );
    stalled.on('error', () => undefined); // the process goes away under it
    await new Promise((r) => setTimeout(r, 300));
    const signalledAt = Date.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exitCode()).toBe(1);
    const waited = Date.now() - signalledAt;
    expect(waited).toBeGreaterThanOrEqual(3500 - 100);
    expect(waited).toBeLessThan(8000);
    stalled.destroy();
  });
});

import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MsdkAnswer } from '../support/gateway-answer.js';
import { newClientKey, sha256 } from '../support/gateway-harness.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { post } from '../support/http-client.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';

const clientKey = newClientKey();
const configObject = (v3BaseUrl: string) => ({
  upstream: { v3BaseUrl },
  games: [{ id: 'demo', qqAppId: TEST_GAME.qqAppId, wechatAppId: TEST_GAME.wechatAppId }],
  clients: [{ name: 'lifecycle', keySha256: [sha256(clientKey)], games: ['demo'], scopes: ['auth'] }],
});
const config = (v3BaseUrl: string) => JSON.stringify(configObject(v3BaseUrl));

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

  it('reads the key from a *_FILE and lets an in-flight request finish on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    const keyFile = join(dir, 'msdkkey');
    writeFileSync(keyFile, `${sandbox.keys.msdkKey}\n`);
    const proc = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: config(sandbox.url),
      MSDK_GAME_DEMO_MSDKKEY_FILE: keyFile,
    });
    const url = await proc.listening();
    await sandbox.fault({ interface: '/auth/verify_login', delayMs: 800 });
    const inFlight = post<MsdkAnswer>(
      `${url}/v1/auth/verify_login`,
      { openid: 'ABC', accessToken: 'TOKEN' },
      { authorization: `Bearer ${clientKey}` },
    );
    await new Promise((r) => setTimeout(r, 200));
    const outputClosed = once(proc.child, 'close');
    proc.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.json.ret).toBe(0);
    // Nest closes the app, then re-raises the signal: the process ends by SIGTERM, promptly.
    const started = Date.now();
    await proc.exitCode();
    expect(proc.child.signalCode === 'SIGTERM' || proc.child.exitCode === 0).toBeTruthy();
    expect(Date.now() - started < 5000).toBeTruthy();
    // Its access line still reached stdout: the logs are flushed when the server closes.
    await outputClosed;
    const lines = proc.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/v1/auth/verify_login', status: 200 }),
    );
  });
});

import { once } from 'node:events';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signV3 } from '#msdk';
import type { MsdkAnswer } from '../support/gateway-answer.js';
import { newClientKey, sha256 } from '../support/gateway-harness.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { get, post, type HttpResult } from '../support/http-client.js';
import { sampleValue } from '../support/prometheus-text.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { newKeys, TEST_GAME } from '../support/test-game.js';

const ROUTE = '/v1/auth/verify_login';
const RELOADS = 'msdk_gateway_config_reloads_total';

/**
 * A Secret volume as kubelet's atomic writer lays it out: each file a symlink `name ->
 * ..data/name`, `..data` a symlink to a timestamped directory; an update writes a new directory
 * and renames a new `..data` over the old one, so the files' own paths never change.
 */
class SecretVolume {
  private version = 0;
  constructor(readonly dir: string) {
    mkdirSync(dir);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  write(files: Record<string, string>): void {
    const previous = this.version > 0 ? `..v${this.version}` : undefined;
    const current = `..v${++this.version}`;
    mkdirSync(join(this.dir, current));
    for (const [name, value] of Object.entries(files)) writeFileSync(join(this.dir, current, name), value);
    symlinkSync(current, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
    for (const name of Object.keys(files)) {
      if (!previous) symlinkSync(join('..data', name), join(this.dir, name));
    }
    if (previous) rmSync(join(this.dir, previous), { recursive: true });
  }
}

/** Resolves once `condition` holds, polling; the test's timeout bounds it. */
async function eventually(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 25));
}

async function reloads(url: string, outcome: 'applied' | 'rejected'): Promise<number> {
  const res = await get(`${url}/metrics`);
  return sampleValue(res.text, RELOADS, { outcome }) ?? Number.NaN;
}

const call = (url: string, key: string, openid: string): Promise<HttpResult<MsdkAnswer>> =>
  post<MsdkAnswer>(url + ROUTE, { openid, accessToken: 'TOKEN' }, { authorization: `Bearer ${key}` });

/** Callers looping one after another request each, with whatever key `keyOf` says is current. */
class Load {
  readonly failures: string[] = [];
  readonly okCount: number[];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(url: string, callers: number, keyOf: (caller: number) => string) {
    this.okCount = Array.from({ length: callers }, () => 0);
    this.loops = this.okCount.map(async (_, caller) => {
      // One user a request: MSDK's per-user frequency limit would refuse repeats.
      for (let i = 0; this.running; i++) {
        const res = await call(url, keyOf(caller), `LOAD${caller}N${i}`);
        if (res.status === 200 && res.json.ret === 0) this.okCount[caller]++;
        else this.failures.push(`caller ${caller}: ${res.status} ${res.text.slice(0, 200)}`);
      }
    });
  }

  /** Resolves once every caller has had `n` more answers than now. */
  async moreAnswers(n: number): Promise<void> {
    const target = this.okCount.map((c) => c + n);
    await eventually(() => this.okCount.every((c, i) => c >= target[i]) || this.failures.length > 0);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

const configObject = (v3BaseUrl: string, clients: object[]) => ({
  upstream: { v3BaseUrl },
  games: [{ id: TEST_GAME.id, qqAppId: TEST_GAME.qqAppId, wechatAppId: TEST_GAME.wechatAppId }],
  clients,
  // The load is as fast as the machine goes; the client budget is not what this suite is about.
  rateLimits: { perClient: { limit: 10_000_000, windowMs: 1000 } },
});

describe('key rotation without restart', () => {
  const oldMsdkKey = newKeys().msdkKey;
  const sandboxKeys = newKeys();
  const newMsdkKey = sandboxKeys.msdkKey;
  let sandbox: SandboxHarness;
  let dir: string;
  const processes: GatewayProcess[] = [];

  beforeAll(async () => {
    // The sandbox accepts both msdkkeys, as MSDK would while the game's servers switch.
    sandbox = await SandboxHarness.start(sandboxKeys, [oldMsdkKey]);
    dir = mkdtempSync(join(tmpdir(), 'key-rotation-'));
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exitCode()));
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function spawn(env: Record<string, string>): GatewayProcess {
    const proc = GatewayProcess.spawn(env);
    processes.push(proc);
    return proc;
  }

  describe('with Kubernetes Secret volumes, under load', () => {
    const oldKey = newClientKey();
    const newKey = newClientKey();
    const steadyKey = newClientKey();
    let secrets: SecretVolume;
    let configFile: string;
    let proc: GatewayProcess;
    let url: string;
    const writeConfig = (text: string) => writeFileSync(configFile, text);
    const validConfig = () =>
      JSON.stringify(
        configObject(sandbox.url, [
          // game-server's digests come from its Secret (GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE).
          { name: 'game-server', games: [TEST_GAME.id], scopes: ['auth'] },
          { name: 'steady', keySha256: [sha256(steadyKey)], games: [TEST_GAME.id], scopes: ['auth'] },
        ]),
      );

    beforeAll(async () => {
      secrets = new SecretVolume(join(dir, 'secrets'));
      secrets.write({ msdkkey: oldMsdkKey, 'game-server.sha256': sha256(oldKey) });
      mkdirSync(join(dir, 'config'));
      configFile = join(dir, 'config', 'gateway.json');
      writeConfig(validConfig());
      proc = spawn({
        GATEWAY_CONFIG_FILE: configFile,
        MSDK_GAME_DEMO_MSDKKEY_FILE: secrets.path('msdkkey'),
        GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE: secrets.path('game-server.sha256'),
      });
      url = await proc.listening();
    });

    it('rotates a client key (old, both, new) and the msdkkey with no failed request; the old key ends refused', async () => {
      let gameServerKey = oldKey;
      const load = new Load(url, 4, (caller) => (caller === 0 ? steadyKey : gameServerKey));
      try {
        await load.moreAnswers(20);

        secrets.write({ msdkkey: oldMsdkKey, 'game-server.sha256': `${sha256(oldKey)}\n${sha256(newKey)}\n` });
        await eventually(async () => (await reloads(url, 'applied')) >= 1);
        // Both keys are accepted now: the game servers move to the new one.
        expect((await call(url, oldKey, 'PROBE-BOTH-OLD')).status).toBe(200);
        gameServerKey = newKey;
        await load.moreAnswers(20);

        secrets.write({ msdkkey: oldMsdkKey, 'game-server.sha256': sha256(newKey) });
        await eventually(async () => (await reloads(url, 'applied')) >= 2);
        await load.moreAnswers(20);

        secrets.write({ msdkkey: newMsdkKey, 'game-server.sha256': sha256(newKey) });
        await eventually(async () => (await reloads(url, 'applied')) >= 3);
        await load.moreAnswers(20);
      } finally {
        await load.stop();
      }
      expect(load.failures).toEqual([]);

      const refused = await call(url, oldKey, 'PROBE-OLD');
      expect(refused.status).toBe(401);
      expect(refused.text).toMatch(/CALLER_UNAUTHENTICATED|not known/);
      // A request made now is signed with the new msdkkey.
      expect((await call(url, newKey, 'PROBE-NEW-MSDKKEY')).status).toBe(200);
      const [signed] = (await sandbox.calls('/auth/verify_login')).filter(
        (c) => c.query.openid === 'PROBE-NEW-MSDKKEY',
      );
      expect(signed.query.sig).toBe(signV3(newMsdkKey, Number(signed.query.timestamp)));
      expect(await reloads(url, 'rejected')).toBe(0);
    }, 120_000);

    const secretsInForce = () => secrets.write({ msdkkey: newMsdkKey, 'game-server.sha256': sha256(newKey) });
    it.each([
      ['invalid JSON in the config file', () => writeConfig('{"clients": ['), () => writeConfig(validConfig())],
      [
        'a bad digest in the Secret',
        () => secrets.write({ msdkkey: newMsdkKey, 'game-server.sha256': 'not-a-sha256-digest' }),
        secretsInForce,
      ],
    ])(
      'keeps the running configuration on %s, counts it rejected, logs it without any value',
      async (_, breakIt, repair) => {
        const rejectedBefore = await reloads(url, 'rejected');
        const appliedBefore = await reloads(url, 'applied');
        const logFrom = proc.stdout.length;
        breakIt();
        await eventually(async () => (await reloads(url, 'rejected')) > rejectedBefore);
        expect(await reloads(url, 'rejected')).toBe(rejectedBefore + 1);
        expect(await reloads(url, 'applied')).toBe(appliedBefore);
        // The running configuration answers as before.
        expect((await call(url, newKey, `AFTER-BROKEN-${rejectedBefore}`)).status).toBe(200);
        expect((await call(url, oldKey, `OLD-AFTER-BROKEN-${rejectedBefore}`)).status).toBe(401);
        // Log lines reach stdout at the destination's next flush (logging/log-destinations.ts).
        await eventually(() => /configuration reload rejected/.test(proc.stdout.slice(logFrom)));
        const log = proc.stdout.slice(logFrom);
        for (const secret of [oldMsdkKey, newMsdkKey, oldKey, newKey, steadyKey]) expect(log).not.toContain(secret);

        // Repaired: in force again at the next change.
        repair();
        await eventually(async () => (await reloads(url, 'applied')) > appliedBefore);
      },
      60_000,
    );

    it('reloads on SIGHUP too, and stays up', async () => {
      const appliedBefore = await reloads(url, 'applied');
      proc.child.kill('SIGHUP');
      await eventually(async () => (await reloads(url, 'applied')) > appliedBefore);
      await eventually(() => proc.stdout.includes('"trigger":"SIGHUP"'));
      expect((await call(url, newKey, 'AFTER-SIGHUP')).status).toBe(200);
    });

    it('still drains and exits 0 on SIGTERM; no key, old or new, reached any line it wrote', async () => {
      const outputClosed = once(proc.child, 'close');
      proc.child.kill('SIGTERM');
      expect(await proc.exitCode()).toBe(0);
      await outputClosed;
      expect(proc.stdout).toMatch(/configuration reloaded/);
      const output = proc.stdout + proc.stderr;
      for (const secret of [oldMsdkKey, newMsdkKey, oldKey, newKey, steadyKey]) expect(output).not.toContain(secret);
    });
  });

  describe('with plain files and SIGHUP', () => {
    it('rotates a client key on SIGHUP when the file lives where no watch sees it (a symlink into another directory)', async () => {
      const oldKey = newClientKey();
      const newKey = newClientKey();
      // The watched directory holds only a symlink: writes to its target elsewhere make no event
      // there, so only SIGHUP reloads (docs/rotation.md says so).
      const real = join(dir, 'plain-real');
      const linked = join(dir, 'plain-linked');
      mkdirSync(real);
      mkdirSync(linked);
      const writeDigests = (...keys: string[]) => writeFileSync(join(real, 'digests'), keys.map(sha256).join('\n'));
      writeDigests(oldKey);
      symlinkSync(join(real, 'digests'), join(linked, 'digests'));
      const proc = spawn({
        GATEWAY_CONFIG_JSON: JSON.stringify(
          configObject(sandbox.url, [{ name: 'game-server', games: [TEST_GAME.id], scopes: ['auth'] }]),
        ),
        MSDK_GAME_DEMO_MSDKKEY: newMsdkKey,
        GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE: join(linked, 'digests'),
      });
      const url = await proc.listening();
      expect((await call(url, oldKey, 'PLAIN-1')).status).toBe(200);

      writeDigests(oldKey, newKey);
      proc.child.kill('SIGHUP');
      await eventually(async () => (await reloads(url, 'applied')) >= 1);
      expect((await call(url, oldKey, 'PLAIN-2')).status).toBe(200);
      expect((await call(url, newKey, 'PLAIN-3')).status).toBe(200);

      writeDigests(newKey);
      proc.child.kill('SIGHUP');
      await eventually(async () => (await reloads(url, 'applied')) >= 2);
      expect((await call(url, oldKey, 'PLAIN-4')).status).toBe(401);
      expect((await call(url, newKey, 'PLAIN-5')).status).toBe(200);

      // A broken file on SIGHUP: rejected, the process stays up with the running keys.
      writeFileSync(join(real, 'digests'), '');
      proc.child.kill('SIGHUP');
      await eventually(async () => (await reloads(url, 'rejected')) >= 1);
      expect((await call(url, newKey, 'PLAIN-6')).status).toBe(200);

      proc.child.kill('SIGTERM');
      expect(await proc.exitCode()).toBe(0);
    }, 60_000);

    it('survives SIGHUP with nothing given as a file, and SIGTERM still exits 0', async () => {
      const key = newClientKey();
      const proc = spawn({
        GATEWAY_CONFIG_JSON: JSON.stringify(
          configObject(sandbox.url, [
            { name: 'game-server', keySha256: [sha256(key)], games: [TEST_GAME.id], scopes: ['auth'] },
          ]),
        ),
        MSDK_GAME_DEMO_MSDKKEY: newMsdkKey,
      });
      const url = await proc.listening();
      proc.child.kill('SIGHUP');
      await eventually(async () => (await reloads(url, 'applied')) >= 1);
      expect((await call(url, key, 'NOFILE-1')).status).toBe(200);
      proc.child.kill('SIGTERM');
      expect(await proc.exitCode()).toBe(0);
    });
  });
});

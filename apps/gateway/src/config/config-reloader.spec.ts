import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import type { CallerDirectory } from '../caller-auth/caller-directory.js';
import { ConfigReloader } from './config-reloader.js';
import type { Env } from './env-source.js';
import { loadGatewayConfig } from './load-gateway-config.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const OLD_CLIENT_KEY = 'tk_old-client-key-0001';
const NEW_CLIENT_KEY = 'tk_new-client-key-0002';
const OLD_MSDKKEY = 'old-msdkkey-0123456789';
const NEW_MSDKKEY = 'new-msdkkey-9876543210';

const configFile = (digests: string[], extra: Record<string, unknown> = {}, moreClients: object[] = []) =>
  JSON.stringify({
    upstream: { v3BaseUrl: 'http://127.0.0.1:3100' },
    games: [{ id: 'demo', qqAppId: '100703379', wechatAppId: 'wxcde873f99466f74a' }],
    clients: [{ name: 'game-server', keySha256: digests, games: ['demo'], scopes: ['auth'] }, ...moreClients],
    ...extra,
  });

/** A reloader over real files, as Kubernetes would mount them, with what it installs and logs captured. */
function setup(dir: string, initialConfig = configFile([sha256(OLD_CLIENT_KEY)])) {
  const files = { config: join(dir, 'gateway.json'), msdkkey: join(dir, 'msdkkey') };
  writeFileSync(files.config, initialConfig);
  writeFileSync(files.msdkkey, `${OLD_MSDKKEY}\n`);
  const env: Env = { GATEWAY_CONFIG_FILE: files.config, MSDK_GAME_DEMO_MSDKKEY_FILE: files.msdkkey };
  const installed: CallerDirectory[] = [];
  const secrets: string[] = [];
  const counts = { applied: 0, rejected: 0 };
  const lines: string[] = [];
  const logger = pino({ base: undefined }, { write: (line: string) => void lines.push(line) });
  const reloader = new ConfigReloader({
    env,
    running: loadGatewayConfig(env),
    load: loadGatewayConfig,
    install: (d) => installed.push(d),
    addSecretValues: (values) => secrets.push(...values),
    reloads: { inc: (labels) => void counts[(labels as { outcome: 'applied' | 'rejected' }).outcome]++ },
    logger,
  });
  return { files, reloader, installed, secrets, counts, lines };
}

describe('ConfigReloader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reload-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rotates a client key through both keys to the new one, each step one new directory', () => {
    const { files, reloader, installed, counts } = setup(dir);
    writeFileSync(files.config, configFile([sha256(OLD_CLIENT_KEY), sha256(NEW_CLIENT_KEY)]));
    expect(reloader.reload('test')).toBe('applied');
    const both = installed.at(-1)!;
    expect(both.clientForKey(OLD_CLIENT_KEY)?.name).toBe('game-server');
    expect(both.clientForKey(NEW_CLIENT_KEY)?.name).toBe('game-server');

    writeFileSync(files.config, configFile([sha256(NEW_CLIENT_KEY)]));
    expect(reloader.reload('test')).toBe('applied');
    const newOnly = installed.at(-1)!;
    expect(newOnly.clientForKey(OLD_CLIENT_KEY)).toBeUndefined();
    expect(newOnly.clientForKey(NEW_CLIENT_KEY)?.name).toBe('game-server');
    // The directory a request already holds is not changed under it.
    expect(both.clientForKey(OLD_CLIENT_KEY)?.name).toBe('game-server');
    expect(counts).toEqual({ applied: 2, rejected: 0 });
  });

  it('puts a new msdkkey in force for new lookups, leaves the old game object as it was, and scrubs the new key', () => {
    const { files, reloader, installed, secrets } = setup(dir);
    writeFileSync(files.msdkkey, NEW_MSDKKEY);
    expect(reloader.reload('test')).toBe('applied');
    expect(installed[0].game('demo')?.credentials.v3.msdkKey).toBe(NEW_MSDKKEY);
    expect(secrets).toContain(NEW_MSDKKEY);
  });

  it.each([
    ['invalid JSON', (f: { config: string; msdkkey: string }) => writeFileSync(f.config, '{"clients": [')],
    ['a bad digest', (f: { config: string; msdkkey: string }) => writeFileSync(f.config, configFile(['not-a-digest']))],
    ['an empty key file', (f: { config: string; msdkkey: string }) => writeFileSync(f.msdkkey, '')],
    ['a missing key file', (f: { config: string; msdkkey: string }) => rmSync(f.msdkkey)],
  ])('keeps the running config on %s, counts it rejected, and logs the problem without any value', (_, breakIt) => {
    const { files, reloader, installed, counts, lines } = setup(dir);
    // A valid new key beside the broken file: nothing of the new files may go in force.
    writeFileSync(files.msdkkey, NEW_MSDKKEY);
    breakIt(files);
    expect(reloader.reload('test')).toBe('rejected');
    expect(installed).toEqual([]);
    expect(counts).toEqual({ applied: 0, rejected: 1 });
    const out = lines.join('');
    expect(out).toMatch(/configuration reload rejected/);
    for (const secret of [OLD_MSDKKEY, NEW_MSDKKEY, OLD_CLIENT_KEY]) expect(out).not.toContain(secret);
  });

  it('applies keys but names sections that changed and wait for a restart', () => {
    const { files, reloader, installed, lines } = setup(dir);
    writeFileSync(files.config, configFile([sha256(NEW_CLIENT_KEY)], { cache: { enabled: false } }));
    expect(reloader.reload('test')).toBe('applied');
    expect(installed[0].clientForKey(NEW_CLIENT_KEY)?.name).toBe('game-server');
    expect(lines.join('')).toMatch(/"waitingForRestart":\["cache"\]/);
  });

  it('refuses a reload whose digests, merged into the running clients, would give one key to two clients', () => {
    const other = { name: 'other', keySha256: [sha256(NEW_CLIENT_KEY)], games: ['demo'], scopes: ['auth'] };
    const { files, reloader, installed, counts } = setup(dir, configFile([sha256(OLD_CLIENT_KEY)], {}, [other]));
    // The file drops "other" (that waits for a restart) and gives its key to "game-server".
    writeFileSync(files.config, configFile([sha256(NEW_CLIENT_KEY)]));
    expect(reloader.reload('test')).toBe('rejected');
    expect(installed).toEqual([]);
    expect(counts).toEqual({ applied: 0, rejected: 1 });
  });
});

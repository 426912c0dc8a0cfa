import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { reloadOnChange, type ReloadTriggers } from './reload-on-change.js';

const logger = pino({ level: 'silent' });

/** Resolves once `condition` holds, polling; the watchers report within milliseconds, the test's timeout bounds it. */
async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

describe('reloadOnChange', () => {
  let dir: string;
  let triggers: ReloadTriggers | undefined;
  const reloads: string[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reload-watch-'));
    reloads.length = 0;
  });
  afterEach(() => {
    triggers?.close();
    triggers = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads once for a burst of writes to a watched file', async () => {
    const file = join(dir, 'msdkkey');
    writeFileSync(file, 'one');
    triggers = reloadOnChange((t) => reloads.push(t), { MSDK_GAME_DEMO_MSDKKEY_FILE: file }, logger, {
      debounceMs: 100,
    });
    expect(triggers.watchedFiles).toEqual([file]);
    writeFileSync(file, 'two');
    writeFileSync(file, 'three');
    await eventually(() => reloads.length > 0);
    expect(reloads).toEqual([`changed: ${file}`]);
  });

  it("reloads when a Kubernetes Secret volume swaps its ..data symlink (the file's own inode never changes)", async () => {
    // The layout kubelet's atomic writer makes: key -> ..data/key, ..data -> ..<timestamp>.
    mkdirSync(join(dir, '..v1'));
    writeFileSync(join(dir, '..v1', 'msdkkey'), 'one');
    symlinkSync('..v1', join(dir, '..data'));
    symlinkSync(join('..data', 'msdkkey'), join(dir, 'msdkkey'));
    triggers = reloadOnChange((t) => reloads.push(t), { MSDK_GAME_DEMO_MSDKKEY_FILE: join(dir, 'msdkkey') }, logger, {
      debounceMs: 50,
    });
    mkdirSync(join(dir, '..v2'));
    writeFileSync(join(dir, '..v2', 'msdkkey'), 'two');
    symlinkSync('..v2', join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
    await eventually(() => reloads.length > 0);
    expect(reloads).toHaveLength(1);
  });

  it('ignores other files in the watched directory', async () => {
    const file = join(dir, 'msdkkey');
    writeFileSync(file, 'one');
    triggers = reloadOnChange((t) => reloads.push(t), { MSDK_GAME_DEMO_MSDKKEY_FILE: file }, logger, {
      debounceMs: 10,
    });
    writeFileSync(join(dir, 'unrelated'), 'x');
    // A write to the watched file afterwards: the only reload is for it.
    writeFileSync(file, 'two');
    await eventually(() => reloads.length > 0);
    expect(reloads).toEqual([`changed: ${file}`]);
  });

  it("watches only the gateway's own *_FILE settings", () => {
    const env = {
      GATEWAY_CONFIG_FILE: join(dir, 'gateway.json'),
      GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE: join(dir, 'digests'),
      MSDK_GAME_DEMO_V5_SIGKEY_FILE: join(dir, 'sigkey'),
      SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
    };
    triggers = reloadOnChange(() => undefined, env, logger);
    expect([...triggers.watchedFiles].sort()).toEqual(
      [
        env.GATEWAY_CONFIG_FILE,
        env.GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE,
        env.MSDK_GAME_DEMO_V5_SIGKEY_FILE,
      ].sort(),
    );
  });

  it('reloads on SIGHUP, and a reload that throws does not escape the signal handler', () => {
    triggers = reloadOnChange(
      (t) => {
        reloads.push(t);
        throw new Error('bug');
      },
      {},
      logger,
    );
    expect(() => process.emit('SIGHUP', 'SIGHUP')).not.toThrow();
    expect(reloads).toEqual(['SIGHUP']);
  });

  it('removes its SIGHUP listener on close', () => {
    const before = process.listenerCount('SIGHUP');
    reloadOnChange(() => undefined, {}, logger).close();
    expect(process.listenerCount('SIGHUP')).toBe(before);
  });
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGatewayLogs } from './create-logger.js';
import { logDestination } from './log-destinations.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('createGatewayLogs', () => {
  it('starts when no configured secret is long enough to scrub', () => {
    const { lines, destination } = capture();
    createGatewayLogs({ level: 'info', pretty: false, secretValues: ['abc'], destination }).logger.info('hello');
    expect(lines.join('')).toMatch(/"msg":"hello"/);
  });

  it('redacts credential fields by name and configured secrets by value, in log and audit lines', () => {
    const { lines, destination } = capture();
    const logs = createGatewayLogs({
      level: 'info',
      pretty: false,
      secretValues: ['s3cr3t-msdkkey-value'],
      destination,
    });
    logs.logger.info({ body: { accessToken: 'user-token-1' }, note: 'key is s3cr3t-msdkkey-value' }, 'call');
    logs.audit.info({ client: 's3cr3t-msdkkey-value', token: 'user-token-2' }, 'audit');
    const out = lines.join('');
    for (const secret of ['user-token-1', 'user-token-2', 's3cr3t-msdkkey-value']) expect(out).not.toContain(secret);
    expect(out).toMatch(/\[REDACTED\]/);
  });

  it('scrubs keys added after startup (a config reload) and keeps scrubbing the ones it had', () => {
    const { lines, destination } = capture();
    const logs = createGatewayLogs({ level: 'info', pretty: false, secretValues: ['old-msdkkey-value'], destination });
    logs.addSecretValues(['new-msdkkey-value']);
    logs.logger.info({ note: 'keys old-msdkkey-value and new-msdkkey-value' }, 'after a reload');
    const out = lines.join('');
    for (const secret of ['old-msdkkey-value', 'new-msdkkey-value']) expect(out).not.toContain(secret);
  });

  it('writes audit lines, marked audit: true, at info even when the level keeps info lines out', () => {
    const { lines, destination } = capture();
    const logs = createGatewayLogs({ level: 'warn', pretty: false, secretValues: [], destination });
    logs.logger.info('not written');
    logs.audit.info({ result: 'ok' }, 'audit');
    expect(parsed(lines)).toEqual([expect.objectContaining({ audit: true, result: 'ok', level: 30, msg: 'audit' })]);
  });

  it('counts dropped lines by kind, log and audit, from zero', async () => {
    const { destination } = capture();
    const { droppedLines } = createGatewayLogs({ level: 'info', pretty: false, secretValues: [], destination });
    const series = (await droppedLines.get()).values.map((v) => [v.labels.kind, v.value]);
    expect(series).toEqual([
      ['log', 0],
      ['audit', 0],
    ]);
  });

  it('prints lines for people with LOG_PRETTY (pino-pretty), still scrubbing configured secrets', async () => {
    const module = new URL('./create-logger.js', import.meta.url).href;
    const script = `const { createGatewayLogs } = await import(${JSON.stringify(module)});
      const logs = createGatewayLogs({ level: 'info', pretty: true, secretValues: ['s3cr3t-value-123'] });
      logs.logger.info({ requestId: 'r-pretty', note: 'key s3cr3t-value-123' }, 'hello pretty');
      logs.audit.info({ result: 'ok' }, 'audited');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    const text = stripVTControlCharacters(stdout);
    expect(text).not.toMatch(/^\{"level"/m);
    expect(text).toMatch(/INFO.*hello pretty/);
    expect(text).toMatch(/requestId: "r-pretty"/);
    expect(text).toMatch(/INFO.*audited/);
    expect(text).not.toContain('s3cr3t-value-123');
  });
});

describe('the production log destination', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-log-'));
    file = join(dir, 'out.log');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);

  it('holds a lone line briefly, then writes it within its flush period', async () => {
    const destination = logDestination(file);
    const { logger } = createGatewayLogs({ level: 'info', pretty: false, secretValues: [], destination });
    try {
      logger.info({ requestId: 'r-1' }, 'request');
      await sleep(400);
      expect(parsed(lines())).toEqual([expect.objectContaining({ requestId: 'r-1' })]);
    } finally {
      destination.end();
    }
  });

  it('writes everything it holds, in order, when the logs are flushed (the gateway flushes at close)', async () => {
    const destination = logDestination(file);
    const logs = createGatewayLogs({ level: 'info', pretty: false, secretValues: [], destination });
    try {
      for (let n = 0; n < 100; n++) logs.logger.info({ n }, 'request');
      logs.audit.info({ n: 100 }, 'audit');
      await logs.flush();
      expect(parsed(lines()).map((l) => l.n)).toEqual([...Array(101).keys()]);
    } finally {
      destination.end();
    }
  });
});

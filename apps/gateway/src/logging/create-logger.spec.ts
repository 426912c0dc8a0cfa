import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { createRootLogger, logDestination } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createRootLogger', () => {
  it('starts when no configured secret is long enough to scrub', () => {
    const { lines, destination } = capture();
    createRootLogger({ level: 'info', pretty: false, secretValues: ['abc'], destination }).info('hello');
    expect(lines.join('')).toMatch(/"msg":"hello"/);
  });

  it('redacts credential fields by name and configured secrets by value', () => {
    const { lines, destination } = capture();
    const logger = createRootLogger({
      level: 'info',
      pretty: false,
      secretValues: ['s3cr3t-msdkkey-value'],
      destination,
    });
    logger.info({ body: { accessToken: 'user-token-1' }, note: 'key is s3cr3t-msdkkey-value' }, 'call');
    const out = lines.join('');
    expect(!out.includes('user-token-1')).toBeTruthy();
    expect(!out.includes('s3cr3t-msdkkey-value')).toBeTruthy();
    expect(out).toMatch(/\[REDACTED\]/);
  });
});

describe('logDestination', () => {
  it('writes in 4 KB batches, yet a lone line still reaches the file within the 250 ms flush period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-log-'));
    const file = join(dir, 'out.log');
    const destination = logDestination(file);
    try {
      const logger = createRootLogger({ level: 'info', pretty: false, secretValues: [], destination });
      logger.info({ requestId: 'r-1' }, 'request');
      await sleep(400);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.length).toBe(1);
      expect(JSON.parse(lines[0]).requestId).toBe('r-1');
    } finally {
      destination.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from 'node:child_process';
import { setImmediate as nextCheckPhase } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { createRootLogger } from './create-logger.js';
import { DeferredLines } from './deferred-lines.js';
import { InfoLineWriter, jsonMember } from './info-line-writer.js';

interface Noted {
  readonly endedAt: number;
  readonly n: number;
  readonly client?: string;
}

function capture(level = 'info') {
  const chunks: string[] = [];
  const logger = createRootLogger({
    level,
    pretty: false,
    secretValues: ['configured-secret-value'],
    destination: { write: (c: string) => void chunks.push(c) },
  });
  const writer = new InfoLineWriter(logger);
  const lines = new DeferredLines<Noted>(
    writer,
    'request',
    (r) => jsonMember('n', r.n) + jsonMember('client', r.client),
  );
  return { chunks, lines, writer };
}

const withoutTime = (line: string) => line.replace(/"time":\d+/, '"time":0');

describe('DeferredLines', () => {
  it('writes the records of one turn as one chunk at the next check phase, each line as InfoLineWriter builds it alone', async () => {
    const { chunks, lines, writer } = capture();
    for (let n = 1; n <= 3; n++) lines.add({ endedAt: performance.now(), n });
    expect(chunks.length).toBe(0);
    await nextCheckPhase();
    expect(chunks.length).toBe(1);
    const written = chunks[0].split('\n').filter(Boolean);
    expect(written.length).toBe(3);

    const direct: string[] = [];
    const directWriter = new InfoLineWriter(
      createRootLogger({
        level: 'info',
        pretty: false,
        secretValues: [],
        destination: { write: (c: string) => void direct.push(c) },
      }),
    );
    for (let n = 1; n <= 3; n++) directWriter.writeLines(directWriter.line(Date.now(), jsonMember('n', n), 'request'));
    expect(written.map(withoutTime)).toEqual(direct.map((l) => withoutTime(l.trimEnd())));
    expect(writer.enabled).toBe(lines.enabled);
  });

  it('stamps each line with when its record ended, not when the batch was written', async () => {
    const { chunks, lines } = capture();
    lines.add({ endedAt: performance.now() - 5000, n: 1 });
    lines.add({ endedAt: performance.now(), n: 2 });
    await nextCheckPhase();
    const [early, late] = chunks[0]
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { time: number });
    const now = Date.now();
    expect(Math.abs(now - 5000 - early.time) < 1000).toBeTruthy();
    expect(Math.abs(now - late.time) < 1000).toBeTruthy();
  });

  it('scrubs configured secret values across the batch', async () => {
    const { chunks, lines } = capture();
    lines.add({ endedAt: performance.now(), n: 1, client: 'configured-secret-value' });
    lines.add({ endedAt: performance.now(), n: 2, client: 'configured-secret-value' });
    await nextCheckPhase();
    expect(!chunks[0].includes('configured-secret-value')).toBeTruthy();
    expect(
      chunks[0]
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { client: string }).client),
    ).toEqual(['[REDACTED]', '[REDACTED]']);
  });

  it('writes what is pending on close, at once', () => {
    const { chunks, lines } = capture();
    lines.add({ endedAt: performance.now(), n: 1 });
    lines.flush();
    expect(chunks.length).toBe(1);
    expect((JSON.parse(chunks[0]) as { n: number }).n).toBe(1);
  });

  it('says it is disabled when the level keeps info lines out', () => {
    expect(capture('warn').lines.enabled).toBe(false);
  });

  it('writes pending records when the process exits before the batch was due, through a batching destination', () => {
    const url = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
    const script = `const { createRootLogger, logDestination } = await import(${url('./create-logger.js')});
      const { InfoLineWriter, jsonMember } = await import(${url('./info-line-writer.js')});
      const { DeferredLines } = await import(${url('./deferred-lines.js')});
      const logger = createRootLogger({ level: 'info', pretty: false, secretValues: [], destination: logDestination(1) });
      const lines = new DeferredLines(new InfoLineWriter(logger), 'request', (r) => jsonMember('n', r.n));
      lines.add({ endedAt: performance.now(), n: 7 });
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status).toBe(3);
    expect((JSON.parse(child.stdout) as { n: number; msg: string }).n).toBe(7);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BatchedLineWriter } from './batched-line-writer.js';

describe('BatchedLineWriter', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'batched-writer-'));
    file = join(dir, 'out.log');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds lines until a batch reaches the minimum length, then writes them in order', () => {
    const writer = new BatchedLineWriter(file, { minLength: 100, flushEveryMs: 60_000 });
    try {
      writer.write('a'.repeat(40) + '\n');
      writer.write('b'.repeat(40) + '\n');
      expect(readFileSync(file, 'utf8')).toBe('');
      writer.write('c'.repeat(40) + '\n');
      expect(readFileSync(file, 'utf8')).toBe(['a', 'b', 'c'].map((ch) => ch.repeat(40) + '\n').join(''));
    } finally {
      writer.end();
    }
  });

  it('writes a lone line within the flush period', async () => {
    const writer = new BatchedLineWriter(file, { minLength: 4096, flushEveryMs: 50 });
    try {
      writer.write('{"msg":"lone"}\n');
      await sleep(200);
      expect(readFileSync(file, 'utf8')).toBe('{"msg":"lone"}\n');
    } finally {
      writer.end();
    }
  });

  it('writes multi-byte text byte for byte', () => {
    const writer = new BatchedLineWriter(file, { minLength: 10, flushEveryMs: 60_000 });
    writer.write('{"nick":"小明🙂"}\n');
    writer.end();
    expect(readFileSync(file, 'utf8')).toBe('{"nick":"小明🙂"}\n');
  });

  it('writes a batch larger than its reused buffer whole', () => {
    const writer = new BatchedLineWriter(file, { minLength: 100, flushEveryMs: 60_000 });
    const big = `${'x'.repeat(70_000)}\n`;
    writer.write('small\n');
    writer.write(big);
    writer.write('after\n'.repeat(20));
    writer.end();
    expect(readFileSync(file, 'utf8')).toBe(`small\n${big}${'after\n'.repeat(20)}`);
  });

  it('writes what is pending on end, and ignores lines after it', () => {
    const writer = new BatchedLineWriter(file, { minLength: 4096, flushEveryMs: 60_000 });
    writer.write('last\n');
    writer.end();
    expect(writer.write('late\n')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('last\n');
  });

  it('writes pending lines when the process exits without ending it', () => {
    const module = new URL('./batched-line-writer.js', import.meta.url).href;
    const script = `const { BatchedLineWriter } = await import(${JSON.stringify(module)});
      new BatchedLineWriter(1, { flushEveryMs: 60_000 }).write('pending at exit\\n');
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status).toBe(3);
    expect(child.stdout).toBe('pending at exit\n');
  });

  it('never stalls the event loop on a log pipe nobody reads, and writes only whole lines', async () => {
    // The child logs ~6000 lines (~1 MB) a second for 2.5 s into a shell pipe (a FIFO, as a
    // container's stdout is) whose reader sleeps 2 s first, ticking a heartbeat on stderr.
    const module = new URL('./batched-line-writer.js', import.meta.url).href;
    const script = `const { BatchedLineWriter } = await import(${JSON.stringify(module)});
      const writer = new BatchedLineWriter(1, { flushEveryMs: 20, maxBacklogBytes: 128 * 1024 });
      let n = 0;
      const logging = setInterval(() => { for (let i = 0; i < 60; i++) writer.write(JSON.stringify({ n: n++, pad: 'x'.repeat(150) }) + '\\n'); }, 10);
      const heartbeat = setInterval(() => process.stderr.write('tick ' + Date.now() + '\\n'), 50);
      setTimeout(() => { clearInterval(logging); clearInterval(heartbeat); process.stderr.write('written ' + n + ' dropped ' + writer.droppedLines + '\\n'); writer.end(); }, 2500);`;
    const shell = spawn('sh', ['-c', `"${process.execPath}" --input-type=module -e "$CHILD_SCRIPT" | (sleep 2; cat)`], {
      env: { ...process.env, CHILD_SCRIPT: script },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    shell.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => shell.on('close', resolve));

    expect(code).toBe(0);
    // Heartbeats every 50 ms: a write waiting on the full pipe would leave a gap until the reader woke.
    const ticks = [...stderr.matchAll(/tick (\d+)/g)].map((m) => Number(m[1]));
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
    expect(ticks.length >= 30 && Math.max(...gaps) < 300).toBeTruthy();
    const [, written, dropped] = (/written (\d+) dropped (\d+)/.exec(stderr) ?? []).map(Number);
    const numbers = Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(dropped > 0).toBeTruthy();
    expect(numbers.length + dropped).toBe(written);
    expect(numbers).toEqual([...new Set(numbers)].sort((x, y) => x - y));
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
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
    const writer = new BatchedLineWriter(file, 100, 60_000);
    try {
      writer.write('a'.repeat(40) + '\n');
      writer.write('b'.repeat(40) + '\n');
      assert.equal(readFileSync(file, 'utf8'), '', 'below the minimum nothing is written yet');
      writer.write('c'.repeat(40) + '\n');
      assert.equal(readFileSync(file, 'utf8'), ['a', 'b', 'c'].map((ch) => ch.repeat(40) + '\n').join(''));
    } finally {
      writer.end();
    }
  });

  it('writes a lone line within the flush period', async () => {
    const writer = new BatchedLineWriter(file, 4096, 50);
    try {
      writer.write('{"msg":"lone"}\n');
      await sleep(200);
      assert.equal(readFileSync(file, 'utf8'), '{"msg":"lone"}\n');
    } finally {
      writer.end();
    }
  });

  it('writes multi-byte text byte for byte', () => {
    const writer = new BatchedLineWriter(file, 10, 60_000);
    writer.write('{"nick":"小明🙂"}\n');
    writer.end();
    assert.equal(readFileSync(file, 'utf8'), '{"nick":"小明🙂"}\n');
  });

  it('writes a batch larger than its reused buffer whole', () => {
    const writer = new BatchedLineWriter(file, 100, 60_000);
    const big = `${'x'.repeat(70_000)}\n`;
    writer.write('small\n');
    writer.write(big);
    writer.write('after\n'.repeat(20));
    writer.end();
    assert.equal(readFileSync(file, 'utf8'), `small\n${big}${'after\n'.repeat(20)}`);
  });

  it('writes what is pending on end, and ignores lines after it', () => {
    const writer = new BatchedLineWriter(file, 4096, 60_000);
    writer.write('last\n');
    writer.end();
    assert.equal(writer.write('late\n'), false);
    assert.equal(readFileSync(file, 'utf8'), 'last\n');
  });

  it('writes pending lines when the process exits without ending it', () => {
    const module = new URL('./batched-line-writer.js', import.meta.url).href;
    const script = `const { BatchedLineWriter } = await import(${JSON.stringify(module)});
      new BatchedLineWriter(1, 4096, 60_000).write('pending at exit\\n');
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 3);
    assert.equal(child.stdout, 'pending at exit\n');
  });
});

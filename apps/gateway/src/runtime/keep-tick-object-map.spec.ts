import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * A process that makes ticks, runs full GCs while none is alive, and makes ticks again, under
 * V8's map log. Returns how many times V8 built the tick object's map chain (its first step,
 * the async id key, made from nextTick's literal).
 */
function tickMapsBuilt(keep: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'tick-map-'));
  try {
    const log = join(dir, 'v8.log');
    const script = `
      const { keepTickObjectMap } = await import(${JSON.stringify(new URL('./keep-tick-object-map.js', import.meta.url).href)});
      if (${keep}) keepTickObjectMap();
      const ticks = (n) => new Promise((resolve) => { for (let i = 0; i < n; i++) process.nextTick(() => {}); process.nextTick(resolve); });
      await ticks(20000);
      for (let i = 0; i < 6; i++) { globalThis.gc(); await new Promise((resolve) => setTimeout(resolve, 5)); }
      await ticks(20000);
    `;
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--log-maps',
        `--logfile=${log}`,
        '--no-logfile-per-isolate',
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('map,Transition,') && line.includes('symbol("async_id_symbol"')).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('keepTickObjectMap', () => {
  it('V8 builds the tick map anew after full GCs that find no tick alive (the case the keeper exists for)', () => {
    // If this fails, this Node's V8 no longer drops the map, and the keeper may be removed.
    expect(tickMapsBuilt(false) >= 2).toBeTruthy();
  });

  it('with one tick object kept, every tick keeps the map it was first built with', () => {
    expect(tickMapsBuilt(true)).toBe(1);
  });
});

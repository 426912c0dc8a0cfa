import { setTimeout as sleep } from 'node:timers/promises';
import type { MemorySample } from './bench-goals.js';
import type { LoadGenerator, LoadSpec } from './load-generator.js';

const MB = 1024 * 1024;

/** This process's memory, after a full GC when the benchmark runs with --expose-gc. */
async function sample(label: string): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await sleep(200);
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { label, rssMb: rss / MB, heapUsedMb: heapUsed / MB };
}

/**
 * RSS after a warm-up, then after each of three back-to-back load runs against the same
 * gateway. The gateway lives in this process (the stub and autocannon do not), so the RSS is
 * the gateway's plus the benchmark's small bookkeeping.
 */
export async function memoryProbe(load: LoadGenerator, spec: LoadSpec, warmUpSeconds: number, runs = 3): Promise<MemorySample[]> {
  await load.run({ ...spec, durationSeconds: warmUpSeconds });
  const samples = [await sample('after warm-up')];
  for (let i = 1; i <= runs; i++) {
    const result = await load.run(spec);
    if (result.non2xx || result.errors) throw new Error(`memory probe run ${i} failed: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`);
    samples.push(await sample(`after run ${i}`));
  }
  return samples;
}

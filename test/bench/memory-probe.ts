import type { MemorySample } from './bench-goals.js';
import type { LoadGenerator, LoadSpec } from './load-generator.js';
import type { ServerUnderTest } from './server-under-test.js';

const MB = 1024 * 1024;

/** The server's memory after a full GC, and the most it has held so far (during the load). */
async function sample(label: string, server: ServerUnderTest): Promise<MemorySample> {
  const { rss, heapUsed, peakRss } = await server.memory();
  return { label, rssMb: rss / MB, heapUsedMb: heapUsed / MB, peakRssMb: peakRss / MB };
}

/**
 * RSS after a warm-up, then after each of three back-to-back load runs against the same
 * gateway, measured in the gateway's own process (nothing of the benchmark's lives there).
 */
export async function memoryProbe(
  load: LoadGenerator,
  server: ServerUnderTest,
  spec: LoadSpec,
  warmUpSeconds: number,
  runs = 3,
): Promise<MemorySample[]> {
  await load.run({ ...spec, durationSeconds: warmUpSeconds });
  const samples = [await sample('after warm-up', server)];
  for (let i = 1; i <= runs; i++) {
    const result = await load.run(spec);
    if (result.non2xx || result.errors)
      throw new Error(`memory probe run ${i} failed: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`);
    samples.push(await sample(`after run ${i}`, server));
  }
  return samples;
}

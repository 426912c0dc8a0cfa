// The load generator's process: runs autocannon when asked and answers with a summary.
import autocannon from 'autocannon';
import { serveRpc } from './child-rpc.js';
import { percentile, type LoadSpec, type LoadSummary } from './load-generator.js';

function run(spec: LoadSpec): Promise<LoadSummary> {
  // Exact latencies: autocannon's own histogram keeps whole milliseconds, too coarse for
  // comparing p99s of 2-4 ms. A Float64Array grows by doubling; no per-response allocation.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...spec.headers },
        body: spec.body,
        connections: spec.connections,
        duration: spec.durationSeconds,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.subarray(0, count).sort();
        resolve({
          requestsPerSecond: result['2xx'] / result.duration,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          durationSeconds: result.duration,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode < 200 || statusCode >= 300) return;
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = responseTimeMs;
    });
  });
}

serveRpc({ ready: true }, { run });

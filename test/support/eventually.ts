import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayHarness } from './gateway-harness.js';

/** The gateway answers `body` at `path` from the cache (HIT) within a few tries (a write lands after its answer). */
export async function hitSoon(gateway: GatewayHarness, path: string, body: Record<string, unknown>): Promise<boolean> {
  for (let i = 0; i < 10; i++) {
    if ((await gateway.call(path, body)).headers.get('x-cache') === 'HIT') return true;
    await sleep(50);
  }
  return false;
}

/** Polls `condition` every 50 ms for up to `timeoutMs`: whether it came to hold. */
export async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

import type { WindowCounterStore } from '#cache';
import type { WindowLimit } from '../config/rate-limit-config.js';

/**
 * Spends one call from a fixed-window budget. The counter is shared (Redis) when it can be; when
 * it had to count on this instance alone, only `fallbackShare` of the limit is allowed here, so
 * N instances counting alone still stay near the one shared limit.
 */
export class WindowBudget {
  constructor(private readonly counter: WindowCounterStore, private readonly fallbackShare: number) {}

  /** Undefined when the call fits; otherwise the whole seconds until the window resets (≥ 1). */
  async spend(key: string, limit: WindowLimit): Promise<number | undefined> {
    const hit = await this.counter.hit(key, limit.windowMs);
    const allowed = hit.fallback ? Math.max(1, Math.floor(limit.limit * this.fallbackShare)) : limit.limit;
    if (hit.count <= allowed) return undefined;
    return Math.max(1, Math.ceil(hit.resetInMs / 1000));
  }
}

import { setTimeout as sleep } from 'node:timers/promises';

/** The cache's part of /health/ready (libs/cache CacheHealthIndicator), as the gateway reports it. */
export interface CacheReadiness {
  readonly status: 'up' | 'down';
  readonly store?: string;
  readonly mode?: string;
  readonly reason?: string;
  readonly masters?: string[];
  readonly slotsServed?: number;
  readonly lastMasterChange?: { at: string; from: string[]; to: string[] };
}

/** Polls a gateway's /health/ready (every 100 ms) until stopped, keeping what the cache said each time. */
export class ReadinessWatch {
  private readonly seen: CacheReadiness[] = [];
  private stopped = false;
  private readonly polling: Promise<void>;

  constructor(private readonly gatewayUrl: string) {
    this.polling = (async () => {
      while (!this.stopped) {
        this.seen.push(await this.once());
        await sleep(100);
      }
    })();
  }

  /** One look at the cache's readiness. */
  async once(): Promise<CacheReadiness> {
    const res = await fetch(`${this.gatewayUrl}/health/ready`);
    const body = (await res.json()) as { details?: { cache?: CacheReadiness } };
    return body.details?.cache ?? { status: 'down', reason: `no cache detail (HTTP ${res.status})` };
  }

  async stop(): Promise<CacheReadiness[]> {
    this.stopped = true;
    await this.polling;
    return this.seen;
  }
}

import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MsdkClient } from '#msdk';

/** Readiness: down while any MSDK origin's circuit is open (calls would fail fast anyway). */
@Injectable()
export class MsdkBreakersHealthIndicator {
  constructor(
    private readonly client: MsdkClient,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'msdk') {
    const breakers = this.client.breakers.states();
    const open = Object.entries(breakers).filter(([, state]) => state === 'open');
    const session = this.health.check(key);
    return open.length === 0 ? session.up({ breakers }) : session.down({ breakers, reason: 'circuit open' });
  }
}

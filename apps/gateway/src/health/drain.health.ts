import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DrainState } from '../lifecycle/drain-state.js';

/** Readiness: down from the first SIGTERM on, while the process still serves its drain delay. */
@Injectable()
export class DrainHealthIndicator {
  constructor(
    private readonly drain: DrainState,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'shutdown') {
    const session = this.health.check(key);
    return this.drain.draining ? session.down({ reason: 'draining before shutdown' }) : session.up();
  }
}

import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is on its way out. From the first SIGTERM on, readiness answers 503 (so
 * balancers stop sending new requests here) and every answer carries `Connection: close` (so
 * keep-alive clients move off), while the process still serves for the drain delay
 * (lifecycle/exit-on-signals.ts).
 */
@Injectable()
export class DrainState {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  /** There is no way back: a draining instance only stops. */
  begin(): void {
    this.started = true;
  }
}

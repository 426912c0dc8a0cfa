import { Injectable } from '@nestjs/common';
import type { Fault } from './fault.js';

/** One call as the sandbox received it, for tests to assert on. */
export interface RecordedCall {
  readonly at: number;
  readonly protocol: 'v3' | 'v5';
  readonly method: string;
  /** The interface path, without the V5 base path. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly rawBody: string;
  readonly body: unknown;
  readonly headers: Record<string, string | undefined>;
  /** The signature check's verdict: `ok`, or what was wrong. */
  readonly verdict: string;
  /** The JSON the sandbox answered with (absent for transport faults). */
  response?: string;
}

/** Received calls and pending faults: the sandbox's only state, reset between tests. */
@Injectable()
export class SandboxState {
  private calls: RecordedCall[] = [];
  private faults: Array<{ fault: Fault; left: number }> = [];

  record(call: RecordedCall): void {
    this.calls.push(call);
    if (this.calls.length > 10_000) this.calls.shift();
  }

  callLog(path?: string): readonly RecordedCall[] {
    return path ? this.calls.filter((c) => c.path === path) : this.calls;
  }

  addFault(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  /** The next fault for this interface, used up by one call. */
  takeFault(path: string): Fault | undefined {
    const slot = this.faults.find((f) => f.fault.interface === path || f.fault.interface === '*');
    if (!slot) return undefined;
    slot.left--;
    if (slot.left <= 0) this.faults.splice(this.faults.indexOf(slot), 1);
    return slot.fault;
  }

  reset(): void {
    this.calls = [];
    this.faults = [];
  }
}

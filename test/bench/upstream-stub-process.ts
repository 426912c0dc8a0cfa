import { ChildRpc } from './child-rpc.js';
import type { StubAnswers } from './upstream-stub.js';

/** The parent's handle on the stub process: its URL, its call counter, its answer delay. */
export class UpstreamStubProcess {
  private constructor(private readonly rpc: ChildRpc<{ url: string }>) {}

  static async start(answers: StubAnswers): Promise<UpstreamStubProcess> {
    const rpc = await ChildRpc.fork<{ url: string }>(new URL('./upstream-stub.child.js', import.meta.url));
    await rpc.call('answers', answers);
    return new UpstreamStubProcess(rpc);
  }

  get url(): string {
    return this.rpc.hello.url;
  }

  calls(): Promise<number> {
    return this.rpc.call<number>('calls');
  }

  resetCalls(): Promise<void> {
    return this.rpc.call('resetCalls');
  }

  /** Holds every answer back this long (the single-flight probe keeps its misses in flight). */
  delay(ms: number): Promise<void> {
    return this.rpc.call('delay', ms);
  }

  /** CPU time (user + system, µs) the stub process has used so far. */
  cpuMicros(): Promise<number> {
    return this.rpc.call<number>('cpuMicros');
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

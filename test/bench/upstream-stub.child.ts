// The upstream stub as its own process, so it never shares an event loop with what it serves.
import { ownCpuMicros, serveRpc } from './child-rpc.js';
import { UpstreamStub, type StubAnswers } from './upstream-stub.js';

const stub = new UpstreamStub();
const url = await stub.listen();
serveRpc(
  { url },
  {
    answers: (answers: StubAnswers) => void stub.setAnswers(answers),
    calls: () => stub.calls,
    resetCalls: () => void (stub.calls = 0),
    delay: (ms: number) => void (stub.delayMs = ms),
    cpuMicros: ownCpuMicros,
  },
);

import { randomBytes } from 'node:crypto';
import type { HttpResult } from '../support/http-client.js';
import type { SingleFlightResult } from './bench-goals.js';
import type { UpstreamStubProcess } from './upstream-stub-process.js';
import type { Workload } from './workloads.js';

export const SINGLE_FLIGHT_REQUESTS = 200;
/** Long enough that all the requests arrive while the first miss is still waiting on the stub. */
const HOLD_ANSWERS_MS = 300;

/**
 * 200 concurrent identical requests for a key nobody has asked for: the stub must count exactly
 * one call, and every caller must get the same 200 answer.
 */
export async function singleFlightProbe(
  store: string,
  call: (route: string, body: unknown) => Promise<HttpResult>,
  stub: UpstreamStubProcess,
  workload: Workload,
): Promise<SingleFlightResult> {
  const body = {
    ...(JSON.parse(workload.body) as Record<string, unknown>),
    openid: randomBytes(16).toString('hex').toUpperCase(),
  };
  await stub.delay(HOLD_ANSWERS_MS);
  await stub.resetCalls();
  try {
    const answers = await Promise.all(Array.from({ length: SINGLE_FLIGHT_REQUESTS }, () => call(workload.route, body)));
    const upstreamCalls = await stub.calls();
    const allAnswered = answers.every((a) => a.status === 200 && a.text === answers[0].text);
    return {
      store,
      requests: SINGLE_FLIGHT_REQUESTS,
      upstreamCalls,
      allAnswered,
      pass: upstreamCalls === 1 && allAnswered,
    };
  } finally {
    await stub.delay(0);
  }
}

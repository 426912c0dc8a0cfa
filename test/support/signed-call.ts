import { expect } from '@jest/globals';
import type { CatalogEntry } from '#msdk';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import type { SandboxHarness } from './sandbox-harness.js';

/** Exactly one call of this V3 row reached the sandbox, signed right for the sample's user and appid. */
export async function oneSignedV3Call(
  sandbox: SandboxHarness,
  entry: CatalogEntry,
  sample: { appid: string; body: Record<string, unknown> },
): Promise<RecordedCall> {
  const calls = await sandbox.calls(entry.path);
  expect(calls.length).toBe(1);
  const [call] = calls;
  expect(call.path).toBe(entry.path);
  expect(call.method).toBe(entry.method);
  expect(call.verdict).toBe('ok');
  expect(call.query.appid).toBe(sample.appid);
  expect(call.query.openid).toBe(sample.body.openid);
  expect(call.query.encode).toBe('2');
  return call;
}

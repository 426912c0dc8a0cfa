import assert from 'node:assert/strict';
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
  assert.equal(calls.length, 1);
  const [call] = calls;
  assert.equal(call.path, entry.path);
  assert.equal(call.method, entry.method);
  assert.equal(call.verdict, 'ok', 'the sandbox verified the signature');
  assert.equal(call.query.appid, sample.appid);
  assert.equal(call.query.openid, sample.body.openid);
  assert.equal(call.query.encode, '2');
  return call;
}

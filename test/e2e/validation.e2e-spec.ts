import { describe, expect, it } from '@jest/globals';
import { errorOf, invalidFields } from '../support/gateway-answer.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { FRIEND_INVALID } from './samples/friend.samples.js';
import { GROUP_INVALID } from './samples/group.samples.js';
import { PROFILE_INVALID } from './samples/profile.samples.js';
import { RELATION_INVALID } from './samples/relation.samples.js';
import { SHARE_FREEFLOW_INVALID } from './samples/share-freeflow.samples.js';

const TABLES = {
  relation: RELATION_INVALID,
  group: GROUP_INVALID,
  profile: PROFILE_INVALID,
  'share/freeflow': SHARE_FREEFLOW_INVALID,
  friend: FRIEND_INVALID,
};

/** Every documented limit and enumeration, one table: a 400 that names the field, and MSDK never hears of it. */
describe('bad input is refused before anything is sent', () => {
  let sandbox!: SandboxHarness;
  let gateway!: GatewayHarness;
  withSandboxAndGateway({}, (s, g) => ((sandbox = s), (gateway = g)));

  for (const [domain, table] of Object.entries(TABLES)) {
    describe(domain, () => {
      for (const bad of table) {
        it(`${bad.route}: ${bad.name} -> 400 naming ${bad.field}`, async () => {
          const res = await gateway.call(bad.route, bad.body);
          expect(res.status).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          expect(invalidFields(res)).toContain(bad.field);
          expect((await sandbox.calls()).length).toBe(0);
        });
      }
    });
  }
});

import { describe, expect, it } from '@jest/globals';
import { createGatewayClient, type ErrorOf, type GatewayClient } from '../../libs/client/src/index.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';
import { TEST_GAME } from '../support/test-game.js';

const QQ_USER = { openid: 'A3284A812ECA15269F85AE1C2D94EB37', accessToken: '933FE8C9AB9C585D7EABD04373B7155F' };
const V5_QQ_USER = { openid: '4724195171999796436', accessToken: '27A50B44430AAD6BFFBE09BA875E48BB' };

/** The generated client (libs/client) against a running gateway, as a game server would use it. */
describe('libs/client against the gateway', () => {
  let gateway!: GatewayHarness;
  let client!: GatewayClient;
  withSandboxAndGateway({ env: { CACHE_ENABLED: '0' } }, (_s, g) => {
    gateway = g;
    client = createGatewayClient({ baseUrl: g.url, clientKey: g.defaultClient.key, gameId: TEST_GAME.id });
  });

  it('relation: a QQ profile, typed as MSDK sends it', async () => {
    const { data, response } = await client.POST('/v1/relation/qqprofile', { body: QQ_USER });
    expect(response.status).toBe(200);
    const nickName: string = data!.nickName;
    expect(nickName.length).toBeGreaterThan(0);
    expect(data!.is_lost).toBe('0');
    expect(response.headers.get('x-cache')).toBe('BYPASS');
  });

  it('friend (V5): a friend list is an array of typed friends', async () => {
    const { data } = await client.POST('/v1/friend/friend_list', { body: { ...V5_QQ_USER, channelid: 2 } });
    const openids: string[] = (data!.lists ?? []).map((friend) => friend.openid);
    expect(openids.length).toBeGreaterThan(0);
    expect(data!.is_lost).toBe(0);
  });

  it('group and profile: nested answers', async () => {
    const group = await client.POST('/v1/group/get_group_listv2', { body: QQ_USER });
    expect(group.data!.data.group_list.every((g) => typeof g.gc === 'string')).toBe(true);
    const vip = await client.POST('/v1/profile/query_vip', { body: { ...QQ_USER, vip: 5 } });
    expect(vip.data!.lists.map((kind) => kind.flag)).toEqual([1, 4]);
  });

  it("an error: the envelope, typed by status (MSDK rejected the user's token)", async () => {
    const body = { ...QQ_USER, accessToken: 'expired-token' };
    const { data, error, response } = await client.POST('/v1/relation/qqprofile', { body });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    const envelope = error as ErrorOf<'/v1/relation/qqprofile', 422>;
    expect(envelope.error.code).toBe('MSDK_USER_TOKEN_INVALID');
    expect(envelope.error.msdk).toMatchObject({ ret: -10000, source: 'qq', platformCode: 100014 });
  });

  it("an error of the gateway's own: an unknown client key is 401", async () => {
    const stranger = createGatewayClient({ baseUrl: gateway.url, clientKey: 'not-a-key' });
    const { error, response } = await stranger.POST('/v1/auth/verify_login', { body: QQ_USER });
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe('CALLER_UNAUTHENTICATED');
  });
});

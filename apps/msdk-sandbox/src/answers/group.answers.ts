import { md5Hex } from '#msdk';
import type { AnswerContext, AnswerFn } from './answer-context.js';
import { nickFor, Seeded } from './deterministic.js';
import { fieldText } from './field-text.js';

/*
 * Guild group answers, in the documented shapes. The QQ v2 interfaces answer `message` (not
 * `msg`) and wrap their data in `data`; the WeChat ones answer `msg`. Everything is derived from
 * the openid and the ids in the request, so the same call always gets the same answer.
 */

const SUCCESS = { ret: 0, message: 'success' } as const;
const WX_SUCCESS = { ret: 0, msg: 'success' } as const;
/** join/unlink/bind/remind: "data": {"empty": ""}, a reserved field. A fresh object per call: the emulator adds to answers. */
const emptyData = () => ({ ...SUCCESS, data: { empty: '' } });

const text = (ctx: AnswerContext, name: string): string => fieldText(ctx.fields[name]);

/** A QQ group number, stable for a seed. */
function groupNumber(seed: string): string {
  return String(100000000 + (parseInt(md5Hex(`gc:${seed}`).slice(0, 8), 16) % 900000000));
}

/** The group a guild is bound to (same guild and zone, same group). */
function guildGroup(ctx: AnswerContext): { gc: string; group_name: string } {
  const guild = `${ctx.appid}:${text(ctx, 'zone_id')}:${text(ctx, 'guild_id')}`;
  return { gc: groupNumber(guild), group_name: `${nickFor(new Seeded(guild))}'s guild` };
}

export const GROUP_ANSWERS: Record<string, AnswerFn> = {
  '/relation/createbind_groupv2': (ctx) => ({
    ...SUCCESS,
    data: { gc: guildGroup(ctx).gc, group_name: text(ctx, 'guild_name') },
  }),

  // 1 leader, 2 admin, 3 member, 4 non-member.
  '/relation/get_groupinfov2': (ctx) => ({
    ...SUCCESS,
    data: { relation: 1 + new Seeded(`${ctx.openid}:${text(ctx, 'gc')}`).int(4) },
  }),

  '/relation/join_groupv2': emptyData,
  '/relation/unlink_groupv2': emptyData,
  '/relation/bind_existing_groupv2': emptyData,
  '/relation/remind_leader_bindv2': emptyData,

  '/relation/get_group_listv2': ({ openid }) => {
    const seed = new Seeded(`${openid}:groups`);
    const groups = Array.from({ length: 1 + seed.int(3) }, (_, n) => ({
      gc: groupNumber(`${openid}:created:${n}`),
      group_name: `${nickFor(seed)}'s group`,
    }));
    return { ...SUCCESS, data: { group_list: groups } };
  },

  '/relation/query_bind_unionv2': (ctx) => {
    const seed = new Seeded(`union:${text(ctx, 'gc')}`);
    return { ...SUCCESS, data: { union_id: String(1000 + seed.int(9000)), union_name: `${nickFor(seed)}'s guild` } };
  },

  '/relation/get_groupcode': (ctx) => {
    const { gc, group_name } = guildGroup(ctx);
    return {
      ...SUCCESS,
      data: {
        gc,
        group_name,
        group_key: md5Hex(`group_key:${gc}`),
        group_openid: md5Hex(`group_openid:${ctx.appid}:${gc}`).toUpperCase(),
      },
    };
  },

  '/relation/send_groupmsg': () => ({ ...SUCCESS, is_lost: '0' }),

  // Echoes the members that are in the group: a stable subset of the asked openids.
  '/relation/wxget_groupinfo': (ctx) => {
    const asked = text(ctx, 'openidlist').split(',').filter(Boolean);
    const inGroup = asked.filter((o) => new Seeded(`${text(ctx, 'groupid')}:${o}`).int(4) !== 0);
    const membercount = inGroup.length + new Seeded(`members:${text(ctx, 'groupid')}`).int(50);
    return { membercount, msg: 'success', openidlist: inGroup.join(','), platCode: '', ret: 0 };
  },

  '/relation/wxunlink_group': () => ({ ...WX_SUCCESS }),

  '/relation/wxget_groupstatus': (ctx) => ({
    ...WX_SUCCESS,
    is_has: new Seeded(`${ctx.appid}:${text(ctx, 'groupid')}:${text(ctx, 'op_type')}`).int(2),
  }),

  '/relation/wxsend_groupmsg': () => ({ ...WX_SUCCESS, platCode: '' }),
};

import type { SchemaObject } from '@nestjs/swagger';
import {
  int,
  intEnum,
  list,
  object,
  str,
  V3_IS_LOST,
  v3Answer,
  v3GroupAnswer,
  type AnswerTable,
} from './answer-doc.js';

/*
 * Guild groups (msdk-v3-server-api.txt, Relation chain): the QQ v2 interfaces answer `message`
 * and wrap their data in `data` (an object, though the tables say "array"); the WeChat ones
 * answer `msg` with flat fields.
 */

const withData = (data: SchemaObject): SchemaObject => v3GroupAnswer({ fields: { data } });
const RESERVED = object({ empty: str('Reserved (empty)') }, 'Reserved');
const RESERVED_EXAMPLE = { ret: 0, message: 'success', data: { empty: '' } };
const GROUP = { gc: str('QQ group number'), group_name: str('Group name') };
const PLAT_CODE = str("WeChat's own code (empty on success)");

export const GROUP_ANSWER_DOCS: AnswerTable<'group'> = {
  'group.createbind_groupv2': {
    schema: withData(object(GROUP, 'The new group')),
    example: { ret: 0, message: 'success', data: { gc: '514915385', group_name: 'Test Chinese 1' } },
  },
  'group.get_groupinfov2': {
    schema: withData(
      object({ relation: intEnum([1, 2, 3, 4], 'The user in the group: 1 leader, 2 admin, 3 member, 4 non-member') }),
    ),
    example: { ret: 0, message: 'success', data: { relation: 1 } },
  },
  'group.join_groupv2': { schema: withData(RESERVED), example: RESERVED_EXAMPLE },
  'group.unlink_groupv2': { schema: withData(RESERVED), example: RESERVED_EXAMPLE },
  'group.get_group_listv2': {
    schema: withData(object({ group_list: list(object(GROUP, 'A group'), 'The QQ groups the user created') })),
    example: { ret: 0, message: 'success', data: { group_list: [{ gc: '511720053', group_name: 'Guild' }] } },
  },
  'group.bind_existing_groupv2': { schema: withData(RESERVED), example: RESERVED_EXAMPLE },
  'group.remind_leader_bindv2': { schema: withData(RESERVED), example: RESERVED_EXAMPLE },
  'group.query_bind_unionv2': {
    schema: withData(
      object({ union_id: str('Guild (union, team, event) id'), union_name: str('Guild name') }, 'The bound guild'),
    ),
    example: { ret: 0, message: 'success', data: { union_id: '1234', union_name: 'xxx' } },
  },
  'group.get_groupcode': {
    schema: withData(
      object(
        {
          ...GROUP,
          group_key: str("The bound group's group_key"),
          group_openid: str("The bound group's group_openid"),
        },
        "The guild's bound group (name empty when the guild had none at creation)",
      ),
    ),
    example: {
      ret: 0,
      message: 'success',
      data: { gc: '511720053', group_name: 'xxx', group_key: 'xxx', group_openid: 'xxx' },
    },
  },
  'group.send_groupmsg': {
    schema: v3GroupAnswer({ fields: { is_lost: V3_IS_LOST } }),
    example: { ret: 0, message: 'success', is_lost: '0' },
  },
  'group.wxget_groupinfo': {
    schema: v3Answer({
      fields: {
        platCode: PLAT_CODE,
        openidlist: str('The asked openids that are in the group, comma-separated'),
        membercount: int('Number of group members'),
      },
    }),
    example: {
      membercount: 2,
      msg: 'success',
      openidlist: 'oGRTijuUl6Peo6lybWyGQfNC9_WE',
      platCode: '',
      ret: 0,
    },
  },
  'group.wxunlink_group': { schema: v3Answer(), example: { ret: 0, msg: 'success' } },
  'group.wxget_groupstatus': {
    schema: v3Answer({ fields: { is_has: intEnum([0, 1], '1: the guild has created (or joined) a group') } }),
    example: { ret: 0, msg: 'success', is_has: 0 },
  },
  'group.wxsend_groupmsg': {
    schema: v3Answer({ fields: { platCode: PLAT_CODE } }),
    example: { ret: 0, msg: 'success', platCode: '' },
  },
};

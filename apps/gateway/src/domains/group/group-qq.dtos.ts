import { V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { GroupNumber, GroupType, IdipIp, IdipPort, OtherOpenid } from './group-field.decorators.js';
import { HttpUrl, OptionalText, RequiredText, StringEnum } from '../../validation/field-decorators.js';

/*
 * QQ guild groups (v2). Which fields a DTO has, and which are required, follows each
 * interface's parameter table; fields the table marks "may be left blank" are optional. Fields
 * that appear only in a doc example (several examples were copied from a neighbouring
 * interface, e.g. remind_leader_bindv2's) are accepted as optional, never required.
 */

/** Who acts, in which guild and zone: shared by every guild write. */
class GuildRoleDto extends V3UserTokenDto {
  @RequiredText({ description: 'Guild (union) ID', example: '1234' })
  guild_id: string;

  @RequiredText({ description: "The guild's zone server ID", example: '1234' })
  zone_id: string;

  @StringEnum(['1', '2'], { description: 'Platform ID: "1" Android, "2" iOS', example: '1' })
  platid: string;

  @RequiredText({ description: 'Role ID', example: '1' })
  roleid: string;

  @OptionalText({
    description: "The user's zone server ID when it differs from the guild's (a transferred president); may be blank",
    example: '',
  })
  user_zone_id?: string;

  @GroupType()
  type?: string;

  @OptionalText({
    description: 'Test environment only: game zone ID (1 QQ, 2 WeChat, or a virtual platform)',
    example: '1',
  })
  areaid?: string;

  @IdipIp()
  ip?: string;

  @IdipPort()
  port?: string;
}

/** Guild writes that may also set the member's group business card. */
class GuildCardDto extends GuildRoleDto {
  @OptionalText({ description: 'Zone server ID (partition); may be blank, unused for now', example: '1' })
  partition?: string;

  @OptionalText({
    description: 'Group business card, style 【YYYY】ZZZZ (ZZZZ = in-game nickname); blank leaves the card unchanged',
    example: '',
  })
  user_label?: string;

  @OptionalText({ description: "The user's nickname; may be blank", example: '' })
  nick_name?: string;
}

/** /relation/createbind_groupv2 — the president creates a QQ group and binds it. */
export class CreatebindGroupDto extends GuildCardDto {
  @RequiredText({ description: 'Guild name (becomes the group name)', example: "Test the group's functions" })
  guild_name: string;
}

/** /relation/join_groupv2 — a guild member joins the bound group. */
export class JoinGroupDto extends GuildCardDto {
  @GroupNumber()
  gc: string;
}

/** /relation/unlink_groupv2 — the (possibly new) president unbinds the group. */
export class UnlinkGroupDto extends GuildRoleDto {
  @RequiredText({ description: 'Guild name', example: 'Test Chinese 1' })
  guild_name: string;
}

/** /relation/bind_existing_groupv2 — bind a group picked from get_group_listv2. */
export class BindExistingGroupDto extends GuildRoleDto {
  @GroupNumber()
  gc: string;

  @RequiredText({ description: 'Group name', example: 'Test Chinese 1' })
  group_name: string;

  @OptionalText({ description: 'Zone server ID (partition); in the doc example only, unused', example: '1' })
  partition?: string;
}

/** /relation/remind_leader_bindv2 — a member reminds the president to bind a group. */
export class RemindLeaderBindDto extends GuildRoleDto {
  @RequiredText({ description: 'Role name, used in the reminder text', example: 'Dragon' })
  rolename: string;

  @OtherOpenid({
    description: "The guild president's openid (the game guarantees it is the president)",
    example: 'F4382318AFBBD94F856E866043C3472E',
  })
  leaderOpenid: string;

  @RequiredText({ description: "The guild president's role ID", example: '7' })
  leaderRoleid: string;

  @OptionalText({
    description: "The president's zone server ID when it differs from the guild's; may be blank",
    example: '',
  })
  leaderZoneid?: string;

  @GroupNumber({ optional: true })
  gc?: string;

  @OptionalText({ description: 'Zone server ID (partition); in the doc example only, unused', example: '1' })
  partition?: string;
}

/** /relation/get_groupinfov2 — the user's relation to a group. */
export class GetGroupinfoDto extends V3UserTokenDto {
  @GroupNumber()
  gc: string;
}

/** /relation/get_group_listv2 — the groups the user created. */
export class GetGroupListDto extends V3UserTokenDto {}

/** /relation/query_bind_unionv2 — the guild a group is bound to. */
export class QueryBindUnionDto extends V3UserTokenDto {
  @GroupNumber()
  gc: string;

  @GroupType()
  type?: string;

  @OptionalText({ description: 'Guild ID; in the doc example only', example: '123' })
  guild_id?: string;

  @OptionalText({ description: 'Zone server ID; in the doc example only', example: '123' })
  zone_id?: string;
}

/** /relation/get_groupcode — the group bound to a guild. */
export class GetGroupcodeDto extends V3UserTokenDto {
  @RequiredText({ description: 'Guild ID', example: '123' })
  guild_id: string;

  @RequiredText({ description: "Zone ID: the guild's zone server", example: '123' })
  zone_id: string;

  @GroupType()
  type?: string;
}

/** /relation/send_groupmsg — a structured message to a QQ group. */
export class SendGroupmsgDto extends V3UserTokenDto {
  @RequiredText({ description: "The application's source platform (qquin when unknown)", example: 'qqqun' })
  pf: string;

  @OtherOpenid({
    description: 'The target group (group_openid, from get_groupcode)',
    example: 'C672A42F0595BC8309D079D68F45B8CF',
  })
  group_openid: string;

  @RequiredText({ description: 'Message title', example: 'Guild war tonight' }, 45)
  title: string;

  @RequiredText({ description: 'Message abstract', example: 'Join us at 20:00' }, 60)
  desc: string;

  @HttpUrl({
    description: 'Thumbnail URL shown left of the message',
    example: 'http://p.qlogo.cn/gh/31asdasd0/312248990/100',
  })
  image_url: string;

  @HttpUrl({
    description: 'Callback URL configured for the app with QQ (no other domain)',
    example: 'http://www.qq.com/',
  })
  redirect_url: string;

  @OptionalText({ description: 'Parameter for redirect_url, picks the details page; may be blank', example: '11' })
  param?: string;
}

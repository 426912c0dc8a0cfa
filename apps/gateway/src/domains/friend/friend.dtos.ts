import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OPENID_PATTERN, V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { IsUrlEncodedJsonObject } from '../../validation/url-encoded-json.validator.js';
import { IntEnum, OptionalInt, OptionalIntEnum, OptionalText } from '../../validation/field-decorators.js';

const WECHAT = 1;
const QQ = 2;
const OS_VALUES = [1, 2, 3, 4, 5];

/** "[Required for WeChat]" / "[Required for QQ]": checked only on that channel, or when sent anyway. */
function RequiredOnChannel(channelid: number, channelName: string): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    ValidateIf((o: Record<string, unknown>) => o.channelid === channelid || o[name] !== undefined)(target, property);
    IsDefined({ message: `${name} is required for ${channelName} (channelid ${channelid})` })(target, property);
  };
}

/** The two ways of naming a recipient exclude each other. */
function NotTogetherWith(other: string): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'notTogetherWith',
      target: target.constructor,
      propertyName: String(property),
      constraints: [other],
      options: { message: `$property and ${other} name different recipients: send only one` },
      validator: { validate: (_: unknown, args) => (args?.object as Record<string, unknown>)[other] === undefined },
    });
}

/**
 * Every V5 call: the user and token (sent as `token`), plus the two query values the caller
 * decides. V5 has no msdkExtInfo: MSDK echoes the gateway's request id as `seq` instead.
 */
export class V5UserTokenDto extends OmitType(V3UserTokenDto, ['msdkExtInfo'] as const) {
  // Validation is inherited; only the documentation differs for V5.
  @ApiProperty({
    description: "[Required] The user's unique identifier (ITOP openid); at most 128 bytes",
    example: '4724195171999796436',
  })
  declare openid: string;

  @ApiProperty({
    description: "[Required] The user's login state; the gateway sends it as V5's `token`",
    example: '27A50B44430AAD6BFFBE09BA875E48BB',
  })
  declare accessToken: string;

  @IntEnum([WECHAT, QQ], {
    description: 'Channel: 1 WeChat, 2 QQ. Sent as the signed query channelid, never in the body.',
    example: QQ,
  })
  channelid: number;

  @ApiPropertyOptional({
    type: 'integer',
    enum: OS_VALUES,
    description:
      "Device OS for the query's os: 1 Android, 2 iOS, 3 web, 4 Linux, 5 Windows. Defaults to the game's configured os.",
  })
  @IsOptional()
  @IsInt()
  @IsIn(OS_VALUES)
  os?: number;
}

/** /v2/friend/friend_list — game friends; answers without `lists` when there are none. */
export class FriendListDto extends V5UserTokenDto {
  @OptionalInt({
    description:
      "Query the user's in-game friends on another channel bound to this account: that channel's id (see MSDK's general backend description)",
    example: 1,
  })
  @Min(0)
  sub_channelid?: number;
}

/** /v2/friend/recall_friends_list — WeChat confidants need task_id, unregistered QQ friends count. */
export class RecallFriendsListDto extends V5UserTokenDto {
  @ApiPropertyOptional({
    type: 'integer',
    description: '[Required for WeChat, channelid 1] Task id obtained when applying from WeChat',
    example: 0,
  })
  @RequiredOnChannel(WECHAT, 'WeChat')
  @IsInt()
  @Min(0)
  task_id?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description:
      '[Required for QQ, channelid 2] Number of friends to draw: at most 20 (MSDK returns up to 20; 20 recommended)',
    minimum: 1,
    maximum: 20,
    example: 20,
  })
  @RequiredOnChannel(QQ, 'QQ')
  @IsInt()
  @Min(1)
  @Max(20)
  count?: number;
}

/** /v2/profile/get_sopenid — QQ and WeChat only. */
export class GetSopenidDto extends V5UserTokenDto {}

/** Shares go to exactly one recipient: an in-game friend (fopenid) or an unregistered one (sopenid). */
export class V5ShareRecipientDto extends V5UserTokenDto {
  @ApiPropertyOptional({
    description: "[One of fopenid/sopenid is required] The in-game friend's openid",
    example: '4124157778415485412',
  })
  @ValidateIf((o: V5ShareRecipientDto) => o.fopenid !== undefined || o.sopenid === undefined)
  @IsDefined({ message: 'one of fopenid (an in-game friend) or sopenid (an unregistered friend) is required' })
  @IsString()
  @Matches(OPENID_PATTERN, { message: 'fopenid must be 1-128 of [A-Za-z0-9_.@=+-]' })
  fopenid?: string;

  @ApiPropertyOptional({
    description:
      "[One of fopenid/sopenid is required] The unregistered friend's sopenid, from /v1/friend/recall_friends_list",
    example: 'sHlap1bakvTsj1fyeeWxPoIW5OiY',
  })
  @IsOptional()
  @IsString()
  @Matches(OPENID_PATTERN, { message: 'sopenid must be 1-128 of [A-Za-z0-9_.@=+-]' })
  @NotTogetherWith('fopenid')
  sopenid?: string;
}

/** channel_info for QQ sharing; the values MSDK fixes are checked. */
export class ShareChannelInfoDto {
  @OptionalIntEnum([1], { description: 'Launch a game: 1' })
  act?: number;

  @OptionalText({
    description: "The Game Center's details page URL; append gamedata=… to pass data through",
    example: 'https://speed.gamecenter.qq.com/pushgame/v1/detail?appid=1106977030&gamedata=level5',
  })
  target_url?: string;

  @OptionalInt({ description: '[QQ sharing] Source of the information; 0 by default', example: 0 })
  src?: number;

  @OptionalIntEnum([1001], { description: '[QQ sharing] Only 1001' })
  dst?: number;

  @OptionalIntEnum([1], { description: '[QQ sharing] Roaming: only 1' })
  flag?: number;
}

/** /v2/friend/share — structured / ARK back-end share; never repeated. */
export class FriendShareDto extends V5ShareRecipientDto {
  @ApiPropertyOptional({
    type: 'integer',
    enum: [20000],
    default: 20000,
    description: 'Fixed 20000 (filled when omitted)',
  })
  @IsInt()
  @IsIn([20000])
  type: number = 20000;

  @OptionalText({ description: 'Title', example: 'test_share' })
  title?: string;

  @OptionalText({ description: 'Abstract', example: 'nothing to share' })
  desc?: string;

  @OptionalText({ description: 'Share link (MSDK does not support link sharing now)', example: '' })
  link?: string;

  @OptionalText({
    description: "[QQ sharing] The shared image's URL",
    example: 'http://mat1.gtimg.com/www/images/qq2012/erweimaNewsPic.png',
  })
  image_url?: string;

  @ApiProperty({
    description:
      '[Required] Assigned by the QQ platform, e.g. MSG_INVITE, MSG_FRIEND_EXCEED, MSG_HEART_SEND, MSG_SHARE_FRIEND_PVP (public account), MSG_RECALL, MSG_INVITE_NEW (C2C structured), MSG_RECALL_ARK, MSG_INVITE_ARK, MSG_INVITE_FRIEND_ARK (ARK)',
    example: 'MSG_INVITE',
  })
  @IsString()
  game_tag: string;

  @ApiPropertyOptional({
    description: 'Channel information (QQ: act, target_url, src, dst, flag)',
    type: ShareChannelInfoDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShareChannelInfoDto)
  channel_info?: ShareChannelInfoDto;

  @OptionalText({ description: 'Other extension information' })
  extra?: string;
}

/** /v2/friend/ark_share — QQ ARK C2C share; never repeated. */
export class ArkShareDto extends V5ShareRecipientDto {
  @ApiPropertyOptional({
    type: 'integer',
    enum: [QQ],
    default: QQ,
    description: 'ARK sharing is QQ only: 2 (filled when omitted)',
  })
  @IsInt()
  @IsIn([QQ])
  override channelid: number = QQ;

  @ApiProperty({
    description: "[Required] The QQ side's sharing template extraJson, comments and blanks removed, then url-encoded",
    example: '%7B%22app%22%3A%22com.tencent.gamecenter.qqsy%22%2C%22view%22%3A%22picView2%22%7D',
  })
  @IsString()
  @IsUrlEncodedJsonObject()
  extra: string;
}

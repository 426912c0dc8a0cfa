import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Matches, registerDecorator, ValidateNested } from 'class-validator';
import { V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { HttpUrl, IntEnum, OptionalText, RequiredText } from '../../validation/field-decorators.js';

/** WeChat's guild id (`groupid`): any non-blank string ("110", "2147521896", "mt2group" in the doc). */
const GROUP_ID = { description: 'Guild ID (groupid)', example: '2147521896' };

/** Comma-separated openids, no spaces: "o1,o2,o3". */
const OPENID_LIST = /^[A-Za-z0-9_.@=+-]{1,128}(,[A-Za-z0-9_.@=+-]{1,128})*$/;

/** A WeChat group call about one guild. */
class WxGuildDto extends V3UserTokenDto {
  @RequiredText(GROUP_ID)
  groupid: string;
}

/** /relation/wxget_groupinfo — which of these guild members are in the guild's group. */
export class WxGetGroupinfoDto extends WxGuildDto {
  @ApiProperty({
    description: 'Guild members to check, as openids separated by commas',
    example: 'oGRTijuUl6Peo6lybWyGQfNC9_WE,oGRTijiaT-XrbyXKozckdNHFgPyc',
  })
  @IsString()
  @Matches(OPENID_LIST, { message: '$property must be openids separated by commas, without spaces' })
  openidlist: string;
}

/** /relation/wxunlink_group — unbind the guild's group. */
export class WxUnlinkGroupDto extends WxGuildDto {}

/** /relation/wxget_groupstatus — whether the guild created / joined a group. */
export class WxGetGroupstatusDto extends WxGuildDto {
  @IntEnum([0, 1], {
    description: '0: has the guild created a group; 1: has it joined a group (a JSON integer)',
    example: 0,
  })
  op_type: number;
}

/** reqBody.open: what the message shows. */
export class WxGroupMsgOpenDto {
  @RequiredText({ description: 'Message title', example: 'test1' })
  title: string;

  @RequiredText({ description: 'Message introduction', example: 'test2' })
  desc: string;

  @HttpUrl(
    {
      description: 'Link; required when msg_type is 2 (link sharing), not needed for 1',
      example: 'https://game.weixin.qq.com/cgi-bin/act?noticeid=90103953',
    },
    { optional: true },
  )
  share_url?: string;

  @OptionalText(
    { description: "The game's own data WeChat hands back when the user opens the message", example: 'test3' },
    2048,
  )
  ext_info?: string;

  @OptionalText({ description: 'Extra field for the message', example: 'test4' })
  message_ext?: string;

  @OptionalText({ description: 'Game message type, for statistics', example: 'test5' })
  media_tag_name?: string;
}

/**
 * Link sharing (msg_type 2) needs open.share_url. The rule spans two levels, so it sits on
 * `open` where it can see msg_type.
 */
function ShareUrlForLinkShare(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'shareUrlForLinkShare',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property.share_url is required when msg_type is 2 (link sharing)' },
      validator: {
        validate: (open: unknown, args) =>
          (args?.object as { msg_type?: unknown }).msg_type !== 2 ||
          (!!open && typeof (open as WxGroupMsgOpenDto).share_url === 'string'),
      },
    });
}

/**
 * reqBody: the request MSDK hands to WeChat. Its `appid` (WeChat's appid) is the gateway's to
 * fill, like every appid, so callers never send it.
 */
export class WxGroupMsgReqBodyDto {
  @IntEnum([1, 2], { description: 'Message type: 1 structured sharing, 2 link sharing', example: 1 })
  msg_type: number;

  @IntEnum([1, 2, 3, 4], { description: 'Share type: 1 invite, 2 show off, 3 give, 4 ask for', example: 2 })
  sub_type: number;

  @RequiredText({ description: 'Guild ID', example: 'mt2group' })
  groupid: string;

  @ApiProperty({ type: () => WxGroupMsgOpenDto, description: 'What the message shows' })
  @IsObject()
  @ValidateNested()
  @Type(() => WxGroupMsgOpenDto)
  @ShareUrlForLinkShare()
  open: WxGroupMsgOpenDto;
}

/** /relation/wxsend_groupmsg — send a message to the guild's group. */
export class WxSendGroupmsgDto extends V3UserTokenDto {
  @ApiProperty({ type: () => WxGroupMsgReqBodyDto, description: 'The request MSDK passes to WeChat' })
  @IsObject()
  @ValidateNested()
  @Type(() => WxGroupMsgReqBodyDto)
  reqBody: WxGroupMsgReqBodyDto;
}

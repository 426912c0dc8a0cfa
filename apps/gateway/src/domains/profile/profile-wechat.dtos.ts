import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { V3UserDto, V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { EchoedId, INT32_MAX, MAX_SUBSCRIBE_IDS, MessageId, XinyueUpgrade } from './profile-fields.js';
import { IntEnum } from '../../validation/field-decorators.js';

/** /profile/get_wx_xinyue_vip — sent upstream as GET: every field (the token too) goes in the query. */
export class GetWxXinyueVipDto extends V3UserTokenDto {
  @EchoedId(
    'Serial number, suggested "<business>_YYYYMMDD_HHMMSS_<6 random digits>"',
    'MSDK_20180327_181625_123456',
    128,
  )
  serial: string;

  @ApiPropertyOptional({
    type: 'integer',
    enum: [0, 1],
    description:
      'int; 1: answer on the 7-level scale (1-4 Gamer G1-G4, 5-7 Joy vip1-3); otherwise the 3-level scale (1-3 Joy vip1-3)',
  })
  @IsOptional()
  @IsInt()
  @IsIn([0, 1])
  seven_flag?: number;

  @XinyueUpgrade()
  xinyue_upgrade?: number;
}

/** wxget_vip's request `json`; MSDK knows a single query so far. */
export class WxVipQueryDto {
  @IntEnum([1], { default: 1, description: 'int; 1: the user and their game friends (the only value MSDK has)' })
  optype: number = 1;
}

/** /profile/wxget_vip */
export class WxGetVipDto extends V3UserTokenDto {
  @ApiPropertyOptional({ type: () => WxVipQueryDto, description: 'Request json, {"optype":1} (filled when omitted)' })
  @ValidateNested()
  @Type(() => WxVipQueryDto)
  json: WxVipQueryDto = new WxVipQueryDto();
}

/** /profile/wxget_first_reg — MSDK's body is the token alone (`accessToken`). */
export class WxGetFirstRegDto extends V3UserTokenDto {}

/** /profile/wxget_eliteinfo */
export class WxGetEliteinfoDto extends V3UserTokenDto {}

/** /profile/subscribe_getlist */
export class SubscribeGetlistDto extends V3UserTokenDto {}

/** /profile/subscribe_setlist — changes the user's subscriptions; never repeated. */
export class SubscribeSetlistDto extends V3UserTokenDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    description: `int array; the message ids to (un)subscribe, such as [1,2,3]: 1 to ${MAX_SUBSCRIBE_IDS} ids, each 1..${INT32_MAX}`,
    example: [77],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBSCRIBE_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(INT32_MAX, { each: true })
  msgId: number[];

  @IntEnum([0, 1], { description: 'int; operation type, 0: subscribe, 1: cancel' })
  opType: number;
}

/**
 * subscribe_push and subscribe_clear act on one message for all of its subscribers, without the
 * user's login state (openid only marks the source).
 */
export class SubscribeMessageDto extends V3UserDto {
  @MessageId('The message id')
  msgId: number;
}

/** /profile/subscribe_push — pushes the message to every subscriber; never repeated. */
export class SubscribePushDto extends SubscribeMessageDto {}

/** /profile/subscribe_clear — removes the message's subscribers; never repeated. */
export class SubscribeClearDto extends SubscribeMessageDto {}

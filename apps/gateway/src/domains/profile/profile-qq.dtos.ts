import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { V3UserDto, V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { EchoedId, INT32_MAX, MAX_SCORE_ITEMS, XinyueUpgrade } from './profile-fields.js';
import { IsBitMask } from './profile.validators.js';
import { IntEnum } from '../../validation/field-decorators.js';

/** /profile/qqget_first_reg — MSDK's body is the token alone (`accessToken`). */
export class QqGetFirstRegDto extends V3UserTokenDto {}

/** query_vip's documented `vip` bits; the answer's `lists[].flag` uses the same values. */
export const VIP_FLAGS = {
  member: 0x01,
  qqLevel: 0x02,
  blueDiamond: 0x04,
  redDiamond: 0x08,
  superMember: 0x10,
  xinyue: 0x40,
  yellowDiamond: 0x80,
  animation: 0x100,
  xinyueLevel: 0x200,
} as const;
export const VIP_MASK = Object.values(VIP_FLAGS).reduce((mask, bit) => mask | bit, 0);

/** /profile/query_vip */
export class QueryVipDto extends V3UserTokenDto {
  @ApiProperty({
    type: 'integer',
    description:
      'int bit mask of the kinds to query, combined at will: 0x01 member, 0x02 QQ level, 0x04 blue diamond, 0x08 red diamond, ' +
      '0x10 super member, 0x40 Xinyue, 0x80 yellow diamond, 0x100 animation, 0x200 Xinyue level (new interface). ' +
      `Only these bits (mask 0x${VIP_MASK.toString(16)}); at least one.`,
    example: 0x05,
  })
  @IsInt()
  @IsBitMask(VIP_MASK)
  vip: number;

  @XinyueUpgrade()
  xinyue_upgrade?: number;
}

/** /profile/get_gift — no login state: MSDK takes appid and openid. Empties the gift bag. */
export class GetGiftDto extends V3UserDto {}

/** /profile/get_wifi — no login state: MSDK takes appid and openid. */
export class GetWifiDto extends V3UserDto {}

/** One entry of qqscore_batch's `param`. */
export class QqScoreItemDto {
  @ApiProperty({
    description: 'string; the achievement value, an integer written as a string (at most 19 digits)',
    example: '999',
  })
  @Matches(/^-?\d{1,19}$/, { message: '$property must be an integer written as a string (at most 19 digits)' })
  data: string;

  @ApiPropertyOptional({
    description: 'string; unix time (seconds) at which the value expires; "0" or absent: never expires',
    example: '0',
  })
  @IsOptional()
  @Matches(/^\d{1,10}$/, { message: '$property must be a unix timestamp in seconds written as a string ("0": never)' })
  expires?: string;

  @ApiProperty({
    type: 'integer',
    description: 'int; the field type, as listed by the mobile QQ game center (e.g. 1: level)',
    example: 1,
  })
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  type: number;

  @ApiPropertyOptional({
    type: 'integer',
    enum: [0, 1],
    description:
      'int; 1: overwrite the previous value (leaderboard data); 0 or absent: incremental, only a higher value is kept',
  })
  @IsOptional()
  @IsInt()
  @IsIn([0, 1])
  bcover?: number;
}

/** /profile/qqscore_batch — reports achievements; never repeated. */
export class QqScoreBatchDto extends V3UserTokenDto {
  @ApiProperty({
    type: () => [QqScoreItemDto],
    description: `The achievements to report: 1 to ${MAX_SCORE_ITEMS} entries`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCORE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => QqScoreItemDto)
  param: QqScoreItemDto[];
}

/** /profile/get_xinyue_super — sent upstream as GET: every field (the token too) goes in the query. */
export class GetXinyueSuperDto extends V3UserTokenDto {
  @IntEnum([1, 2], {
    description: 'int; how the user logged in, 1: mobile QQ, 2: WeChat (also selects the QQ or WeChat appid)',
  })
  access_type: number;

  @EchoedId(
    'Unique id of this call, suggested "<business>-<openid>-YYYYMMDDHHMMSS-<6 random digits>"',
    'msdkdemo-E1FBBD6F-20180116155309-123456',
    256,
  )
  trace_id: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsIP, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { MaxBytes } from '../../validation/max-bytes.validator.js';
import { CloseFriendsFlag, OpenidList } from './relation-fields.js';

// ---- Mobile QQ -------------------------------------------------------------------------------

/** /relation/qqprofile — the user's own QQ profile. */
export class QqProfileDto extends V3UserTokenDto {}

/** /relation/qqfriends_detail — game friends with profiles. */
export class QqFriendsDetailDto extends V3UserTokenDto {
  @ApiPropertyOptional({
    enum: [1, 2],
    type: 'integer',
    description:
      'flag=1: the friend list without the user; flag=2: including the user. MSDK calls other values invalid, so they are refused',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @IsIn([1, 2])
  flag?: number;

  @CloseFriendsFlag()
  closefriends_flag?: number;
}

/** /relation/qq_unreg_friends — friends who have not registered the game. */
export class QqUnregFriendsDto extends V3UserTokenDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 20,
    default: 20,
    description: 'How many friends to draw: not more than 20; MSDK recommends 20 (filled when omitted)',
  })
  @IsInt()
  @Min(1)
  @Max(20)
  count: number = 20;
}

/** /relation/qqstrange_profile — strangers' (and friends') profiles by openid. */
export class QqStrangeProfileDto extends V3UserTokenDto {
  @OpenidList({
    description: 'vcopenid: openids of the game strangers (including game friends) to look up, obtained on the client',
    example: ['B9EEA5EE1E99694146AC2700BFE6B88B'],
  })
  vcopenid: string[];
}

/** The VIP services qqfriends_vip can be asked about, alone or both (comma-separated). */
const VIP_FLAGS = ['qq_vip', 'qq_svip', 'qq_vip,qq_svip', 'qq_svip,qq_vip'];

/** /relation/qqfriends_vip — QQ member status of friends or non-friends. */
export class QqFriendsVipDto extends V3UserTokenDto {
  @OpenidList({
    description: 'fopenids: the openids to query (friends or not); not more than 49 per call',
    example: ['69FF99F3B17436F2F6621FA158B30549'],
    maxItems: 49,
  })
  fopenids: string[];

  @ApiProperty({
    enum: VIP_FLAGS,
    description: 'VIP services to query: qq_vip (QQ member), qq_svip (QQ super member), or both separated by ","',
    example: 'qq_vip,qq_svip',
  })
  @IsIn(VIP_FLAGS)
  flags: string;

  @ApiPropertyOptional({ description: "The caller's IP", example: '127.0.0.1' })
  @IsOptional()
  @IsIP()
  userip?: string;

  @ApiPropertyOptional({
    description:
      "The player's login platform as the mobile QQ login returned it (openmobile by default; openmobile_android, openmobile_ios, openmobile_wp…); at most 128 bytes",
    example: 'openmobile_android',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'pf may contain only letters, digits, "_", "." and "-"' })
  @MaxBytes(128)
  pf?: string;
}

/** /relation/get_vip_rich_info — QQ member recharge and expiry times. */
export class GetVipRichInfoDto extends V3UserTokenDto {}

// ---- WeChat ----------------------------------------------------------------------------------

/** /relation/wxfriends — openids of the user's game friends. */
export class WxFriendsDto extends V3UserTokenDto {}

/** /relation/wxprofile — friends' basic profiles by openid (no remarks, no strangers). */
export class WxProfileDto extends V3UserTokenDto {
  @OpenidList({
    description:
      "openids: the accounts to fetch. Put the user's own openid first to get their WoCard privilege: only the first openid gets it. MSDK documents no maximum",
    example: ['oGRTijrV0l67hDGN7dstOl8CphN0', 'oGRTijlTxQPrvr-H5-pgoZMhZgog'],
  })
  openids: string[];
}

/** /relation/wxfriends_profile — game friends with profiles and remarks. */
export class WxFriendsProfileDto extends V3UserTokenDto {
  @CloseFriendsFlag()
  closefriends_flag?: number;
}

/** /relation/wxuserinfo — the user's own WeChat profile (non-premium games). */
export class WxUserinfoDto extends V3UserTokenDto {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsIP,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { OPENID_PATTERN, V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { MaxBytes } from '../../validation/max-bytes.validator.js';
import { IsUrlEncodedJsonObject } from '../../validation/url-encoded-json.validator.js';
import { OptionalText } from '../../validation/field-decorators.js';

/**
 * The backend share only accepts these four message types, told apart by the ADTAG in the
 * target URL; MSDK says the case must not change, so the match is case-sensitive.
 */
const TARGET_URL_ADTAG = /[?&#]ADTAG=gameobj\.msg_(?:heart|invite|exceed|pvp)(?![A-Za-z0-9_])/;

/** One entry of /share/qq `fopenids`: `{"openid": "...", "type": 0}`. */
export class ShareFriendDto {
  @ApiProperty({ description: "The receiving friend's openid", example: '69FF99F3B17436F2F6621FA158B30549' })
  @IsString()
  @Matches(OPENID_PATTERN, { message: 'openid must be 1-128 of [A-Za-z0-9_.@=+-]' })
  openid: string;

  @ApiPropertyOptional({ description: 'Fixed 0 (filled when omitted)', default: 0, enum: [0] })
  @IsInt()
  @IsIn([0])
  type: number = 0;
}

/**
 * /share/qq — the token goes out as `access_token`, the QQ appid as the int
 * `oauth_consumer_key`. The fixed ints (act, dst, flag, src) default to the only values MSDK
 * accepts, so callers need not know them; sending another value is a 400, not a lost share.
 */
export class QqShareDto extends V3UserTokenDto {
  @ApiPropertyOptional({
    description: 'Skip action: 1 = APP skip (launch the game); only 1 is allowed (filled when omitted)',
    default: 1,
    enum: [1],
  })
  @IsInt()
  @IsIn([1])
  act: number = 1;

  @ApiPropertyOptional({
    description: 'msf-mobile QQ (iPhone, Android QQ…); only 1001 is allowed (filled when omitted)',
    default: 1001,
    enum: [1001],
  })
  @IsInt()
  @IsIn([1001])
  dst: number = 1001;

  @ApiPropertyOptional({
    description: 'Roaming: 0 yes, 1 no; only 1 is allowed (filled when omitted)',
    default: 1,
    enum: [1],
  })
  @IsInt()
  @IsIn([1])
  flag: number = 1;

  @ApiProperty({
    description: 'The shared image URL (128*128, publicly reachable, at most 2M)',
    example: 'http://mat1.gtimg.com/www/images/qq2012/erweimaVideoPic.png',
  })
  @IsString()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'image_url must be an http(s) URL' })
  image_url: string;

  @ApiPropertyOptional({ description: 'Message source (default 0)', default: 0 })
  @IsInt()
  @Min(0)
  src: number = 0;

  @ApiProperty({ description: 'Summary; at most 45 bytes of UTF-8', example: 'Summary' })
  @IsString()
  @MaxBytes(45)
  summary: string;

  @ApiProperty({
    description:
      "URL of the game center's details page; at most 256 bytes. Must carry one of ADTAG=gameobj.msg_heart, msg_invite, msg_exceed, msg_pvp (case as written), matching game_tag.",
    example:
      'http://gamecenter.qq.com/gcjump?appid=100703379&pf=invite&from=iphoneqq&plat=qq&originuin=111&ADTAG=gameobj.msg_invite',
  })
  @IsString()
  @MaxBytes(256)
  @Matches(/^https?:\/\/\S+$/, { message: 'target_url must be an http(s) URL without spaces' })
  @Matches(TARGET_URL_ADTAG, {
    message:
      'target_url must contain ADTAG=gameobj.msg_heart, gameobj.msg_invite, gameobj.msg_exceed or gameobj.msg_pvp',
  })
  target_url: string;

  @ApiProperty({ description: 'Share title; at most 45 bytes of UTF-8', example: 'test by hunter' })
  @IsString()
  @MaxBytes(45)
  title: string;

  @ApiProperty({ description: 'Exactly one receiving friend: [{"openid": "...", "type": 0}]', type: [ShareFriendDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'fopenids must name exactly one friend' })
  @ArrayMaxSize(1, { message: 'fopenids must name exactly one friend' })
  @ValidateNested({ each: true })
  @Type(() => ShareFriendDto)
  fopenids: ShareFriendDto[];

  @ApiProperty({
    description:
      'Required share type for platform statistics, agreed with the QQ platform, e.g. MSG_INVITE, MSG_FRIEND_EXCEED, MSG_HEART_SEND, MSG_SHARE_FRIEND_PVP, MSG_RECALL, MSG_INVITE_NEW, MSG_RECALL_ARK, MSG_INVITE_ARK, MSG_INVITE_FRIEND_ARK',
    example: 'MSG_FRIEND_EXCEED',
  })
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'game_tag must be a tag name such as MSG_INVITE (1-64 of [A-Za-z0-9_])' })
  game_tag: string;

  @ApiPropertyOptional({ description: "The user's client IP", example: '192.168.5.114' })
  @IsOptional()
  @IsIP()
  userip?: string;

  @OptionalText({ description: 'No need to fill (passed through when given)', example: '' })
  previewText?: string;
}

/** /share/qqark — the token goes out as `accessToken`, appid as the string QQ appid. */
export class QqArkShareDto extends V3UserTokenDto {
  @ApiProperty({
    description: 'The openid of the user who receives the shared message',
    example: 'EFT43BCD8845569447823EBD2F805',
  })
  @IsString()
  @Matches(OPENID_PATTERN, { message: 'fopenid must be 1-128 of [A-Za-z0-9_.@=+-]' })
  fopenid: string;

  @ApiProperty({
    description:
      'The ark template protocol assigned on the QQ Oasis platform, comments removed, url-encoded (must decode to a JSON object)',
    example:
      '%7B%22app%22%3A%22com.tencent.gamecenter.qqsy%22%2C%22view%22%3A%22picView2%22%2C%22desc%22%3A%22%E6%B8%B8%E6%88%8F%E5%88%86%E4%BA%AB%22%7D',
  })
  @IsString()
  @IsUrlEncodedJsonObject()
  extra: string;
}

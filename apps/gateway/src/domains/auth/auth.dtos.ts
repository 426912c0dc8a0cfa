import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsIP, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { V3UserTokenDto } from '../../validation/caller-identity.dto.js';
import { MaxBytes } from '../../validation/max-bytes.validator.js';
import { OptionalText } from '../../validation/field-decorators.js';

/** /auth/verify_login — the token goes out as `openkey`. */
export class VerifyLoginDto extends V3UserTokenDto {
  @ApiPropertyOptional({ description: "The user's client IP", example: '192.168.5.114' })
  @IsOptional()
  @IsIP()
  userip?: string;
}

/** /auth/check_token — WeChat. */
export class CheckTokenDto extends V3UserTokenDto {}

/** /auth/guest_check_token — the openid is the guestid (G_…), sent as `guestid`. */
export class GuestCheckTokenDto extends V3UserTokenDto {
  @ApiProperty({ description: 'The guestid, G_…', example: 'G_oGRTijiaT-XrbyXKozckdNHFgPyc' })
  @Matches(/^G_[A-Za-z0-9_.@=+-]{1,126}$/, { message: 'openid must be a guestid starting with G_' })
  declare openid: string;
}

/** /auth/apple_verify — the token goes out as `access_token`, appid as A_<qq appid>. */
export class AppleVerifyDto extends V3UserTokenDto {
  @OptionalText({ description: 'Public parameter, generally 1001', example: '1001' }, 32)
  channel?: string;

  @ApiPropertyOptional({ description: 'Public device parameters, passed through', type: Object })
  @IsOptional()
  @IsObject()
  deviceInfo?: Record<string, unknown>;

  @OptionalText({ description: 'System; iOS is iap', example: 'iap' }, 16)
  os?: string;

  @ApiPropertyOptional({ description: 'Fixed apple_apple (filled when omitted)', default: 'apple_apple' })
  @IsIn(['apple_apple'])
  platform: string = 'apple_apple';

  @OptionalText({ description: 'User name', example: '' }, 128)
  user_name?: string;

  @ApiPropertyOptional({ description: 'Login scene, fixed 1 (filled when omitted)', default: 1 })
  @IsInt()
  @IsIn([1])
  scenes: number = 1;

  @ApiPropertyOptional({ description: 'Real-name parameter, fixed "1" (filled when omitted)', default: '1' })
  @IsIn(['1'])
  isPrajna: string = '1';
}

/** /auth/get_pfval — `platform` picks the appid: desktop_m_qq, desktop_m_wx, desktop_m_guest. */
export class GetPfvalDto extends V3UserTokenDto {
  @ApiProperty({
    enum: ['desktop_m_qq', 'desktop_m_wx', 'desktop_m_guest'],
    description: 'Platform; also selects the QQ, WeChat or guest appid',
  })
  @IsIn(['desktop_m_qq', 'desktop_m_wx', 'desktop_m_guest'])
  platform: string;

  @ApiProperty({ description: 'Registration channel', example: '2002' })
  @IsString()
  @MaxBytes(64)
  regChannel: string;

  @ApiProperty({ enum: ['android', 'iap'], description: 'System: android or iap (iOS)' })
  @IsIn(['android', 'iap'])
  os: string;

  @ApiProperty({ description: 'Installation channel', example: '73213123' })
  @IsString()
  @MaxBytes(64)
  installchannel: string;

  @ApiProperty({ description: "Payment's appid", example: '1104674695' })
  @IsString()
  @MaxBytes(64)
  offerid: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { MSDK_EXT_INFO_PATTERN } from '#msdk';
import { MaxBytes } from './max-bytes.validator.js';

/** openids across QQ (hex), WeChat (base64-ish), guests (G_…) and Apple (dotted). */
export const OPENID_PATTERN = /^[A-Za-z0-9_.@=+-]{1,128}$/;
/** Tokens: printable ASCII without spaces. */
export const TOKEN_PATTERN = /^[\x21-\x7e]{1,1024}$/;

/** The user every call is about. */
export class UserDto {
  @ApiProperty({
    description: "The user's openid (for guests the guestid, G_…); at most 128 bytes",
    example: 'A3284A812ECA15269F85AE1C2D94EB37',
  })
  @IsString()
  @Matches(OPENID_PATTERN, { message: 'openid must be 1-128 of [A-Za-z0-9_.@=+-]' })
  openid: string;
}

/** V3 calls may carry msdkExtInfo, which MSDK echoes back. */
export class V3UserDto extends UserDto {
  @ApiPropertyOptional({
    description: 'Passthrough value MSDK echoes in its answer; only [A-Za-z0-9_]. Defaults to the request id.',
    example: 'req_42',
  })
  @IsOptional()
  @IsString()
  @Matches(MSDK_EXT_INFO_PATTERN, { message: 'msdkExtInfo may contain only letters, digits and underscores (1-64)' })
  msdkExtInfo?: string;
}

/** V3 calls made with the user's login state. */
export class V3UserTokenDto extends V3UserDto {
  @ApiProperty({
    description:
      "The user's login token (QQ access_token/openkey, WeChat access_token, guest token). The gateway sends it under the interface's own field name.",
    example: '933FE8C9AB9C585D7EABD04373B7155F',
  })
  @IsString()
  @Matches(TOKEN_PATTERN, { message: 'accessToken must be 1-1024 printable characters without spaces' })
  @MaxBytes(1024)
  accessToken: string;
}

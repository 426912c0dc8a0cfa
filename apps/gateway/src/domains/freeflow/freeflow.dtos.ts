import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsIP, IsOptional, ValidateIf } from 'class-validator';
import { V3UserDto } from '../../validation/caller-identity.dto.js';

/**
 * Free-flow calls carry no token; the only choice is which appid signs them. `platform` is the
 * gateway's own field (never sent to MSDK): the openid's login platform, QQ unless told.
 */
export class FreeflowUserDto extends V3UserDto {
  @ApiPropertyOptional({
    description:
      'Gateway-only: the login platform the openid belongs to; picks the QQ or WeChat appid. Not sent to MSDK.',
    enum: ['qq', 'wechat'],
    default: 'qq',
  })
  @IsIn(['qq', 'wechat'])
  platform: string = 'qq';
}

/** /freeflow/getinfo — the user's free-flow subscription, by openid only. */
export class GetFreeflowInfoDto extends FreeflowUserDto {}

/** /freeflow/get_ccinfo — details of an IP. */
export class GetCcinfoDto extends FreeflowUserDto {
  @ApiPropertyOptional({
    description:
      "The IP to look up (IPv4 or IPv6). Optional: when empty MSDK uses the IP the request comes from, which through the gateway is the gateway's own, so pass the user's client IP.",
    example: '59.37.125.72',
  })
  @IsOptional()
  @ValidateIf((dto: GetCcinfoDto) => dto.ip !== '')
  @IsIP(undefined, { message: 'ip must be an IPv4 or IPv6 address (or empty)' })
  ip?: string;
}

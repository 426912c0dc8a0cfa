import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIP, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { OPENID_PATTERN } from '../../validation/caller-identity.dto.js';
import type { FieldDoc } from '../../validation/field-decorators.js';

/*
 * Field kinds only the group interfaces have (group numbers, group types, other members' openids,
 * IDIP test addresses); the generic kinds live in validation/field-decorators.ts.
 */

/** Digits only: QQ group numbers (gc) and MSDK's numeric-string group `type`. */
const DIGITS = /^\d{1,20}$/;

/** A QQ group number (`gc`): a string of digits. */
export function GroupNumber(options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = {
    type: String,
    pattern: DIGITS.source,
    description: 'QQ group number (gc), digits',
    example: '511720053',
  };
  const rules = [IsString(), Matches(DIGITS, { message: '$property must be a QQ group number (digits)' })];
  return options.optional
    ? applyDecorators(ApiPropertyOptional(doc), IsOptional(), ...rules)
    : applyDecorators(ApiProperty(doc), ...rules);
}

/** An openid-shaped id of someone other than the caller (leaderOpenid, group_openid). */
export function OtherOpenid(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, ...doc }),
    IsString(),
    Matches(OPENID_PATTERN, { message: '$property must be 1-128 of [A-Za-z0-9_.@=+-]' }),
  );
}

/**
 * The QQ group `type`: "defaulted to 0 (union type)"; other values are arranged with QQ, so
 * any numeric string goes through. Omitted, MSDK applies its own default.
 */
export function GroupType(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: DIGITS.source,
      description: 'Group type, default "0" (union type); other values are arranged with the QQ side',
      example: '0',
    }),
    IsOptional(),
    IsString(),
    Matches(DIGITS, { message: '$property must be a numeric string such as "0"' }),
  );
}

/** The game's IDIP address for MSDK's test environment: blank, or an IP address. */
export function IdipIp(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: "Test environment only: the game's IDIP address; may be blank",
      example: '10.0.0.8',
    }),
    IsOptional(),
    IsString(),
    ValidateIf((_o, value) => value !== ''),
    IsIP(undefined, { message: '$property must be blank or an IP address' }),
  );
}

/** The game's IDIP port for MSDK's test environment: blank, or up to five digits (a string). */
export function IdipPort(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: "Test environment only: the game's IDIP port, as a string; may be blank",
      example: '8080',
    }),
    IsOptional(),
    IsString(),
    Matches(/^\d{0,5}$/, { message: '$property must be blank or a port number (digits)' }),
  );
}

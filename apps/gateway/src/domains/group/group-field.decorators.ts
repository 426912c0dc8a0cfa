import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsIP, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { OPENID_PATTERN } from '../../validation/caller-identity.dto.js';
import { MaxBytes } from '../../validation/max-bytes.validator.js';

/*
 * The group interfaces repeat the same handful of field kinds (guild ids, blank-able zone ids,
 * group numbers, enumerations) across 14 DTOs; these decorators say each kind once. Every one
 * documents the field in OpenAPI with the MSDK meaning it carries.
 */

export interface FieldDoc {
  readonly description: string;
  readonly example?: unknown;
}

/** Digits only: QQ group numbers (gc) and MSDK's numeric-string group `type`. */
const DIGITS = /^\d{1,20}$/;

/** A string MSDK needs: present and not blank, within `maxBytes` UTF-8 bytes when the doc limits it. */
export function RequiredText(doc: FieldDoc, maxBytes?: number): PropertyDecorator {
  const limit = maxBytes === undefined ? [] : [MaxBytes(maxBytes)];
  return applyDecorators(ApiProperty({ type: String, ...withLimit(doc, maxBytes) }), IsString(), IsNotEmpty(), ...limit);
}

/** A string the doc says may be left blank (or omitted): "" is accepted and forwarded. */
export function OptionalText(doc: FieldDoc, maxBytes?: number): PropertyDecorator {
  const limit = maxBytes === undefined ? [] : [MaxBytes(maxBytes)];
  return applyDecorators(ApiPropertyOptional({ type: String, ...withLimit(doc, maxBytes) }), IsOptional(), IsString(), ...limit);
}

/** A QQ group number (`gc`): a string of digits. */
export function GroupNumber(options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = { type: String, pattern: DIGITS.source, description: 'QQ group number (gc), digits', example: '511720053' };
  const rules = [IsString(), Matches(DIGITS, { message: '$property must be a QQ group number (digits)' })];
  return options.optional
    ? applyDecorators(ApiPropertyOptional(doc), IsOptional(), ...rules)
    : applyDecorators(ApiProperty(doc), ...rules);
}

/** An openid-shaped id of someone other than the caller (leaderOpenid, group_openid). */
export function OtherOpenid(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: String, ...doc }), IsString(), Matches(OPENID_PATTERN, { message: '$property must be 1-128 of [A-Za-z0-9_.@=+-]' }));
}

/** A string enumeration (MSDK sends these ids as strings, e.g. platid "1"). */
export function StringEnum(values: readonly string[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: String, enum: [...values], ...doc }), IsString(), IsIn([...values]));
}

/** An integer enumeration (op_type, msg_type, sub_type): a JSON number, never "0". */
export function IntEnum(values: readonly number[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: 'integer', enum: [...values], ...doc }), IsInt(), IsIn([...values]));
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

/** An http(s) URL. */
export function HttpUrl(doc: FieldDoc, options: { optional?: boolean } = {}): PropertyDecorator {
  const url = IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: '$property must be an http(s) URL' });
  return options.optional
    ? applyDecorators(ApiPropertyOptional({ type: String, format: 'uri', ...doc }), IsOptional(), url)
    : applyDecorators(ApiProperty({ type: String, format: 'uri', ...doc }), url);
}

/** The game's IDIP address for MSDK's test environment: blank, or an IP address. */
export function IdipIp(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description: "Test environment only: the game's IDIP address; may be blank", example: '10.0.0.8' }),
    IsOptional(),
    IsString(),
    ValidateIf((_o, value) => value !== ''),
    IsIP(undefined, { message: '$property must be blank or an IP address' }),
  );
}

/** The game's IDIP port for MSDK's test environment: blank, or up to five digits (a string). */
export function IdipPort(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description: "Test environment only: the game's IDIP port, as a string; may be blank", example: '8080' }),
    IsOptional(),
    IsString(),
    Matches(/^\d{0,5}$/, { message: '$property must be blank or a port number (digits)' }),
  );
}

function withLimit(doc: FieldDoc, maxBytes: number | undefined): FieldDoc {
  return maxBytes === undefined ? doc : { ...doc, description: `${doc.description}; at most ${maxBytes} bytes (UTF-8)` };
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl } from 'class-validator';
import { MaxBytes } from './max-bytes.validator.js';

/*
 * The field kinds every domain's DTOs repeat, each said once: the OpenAPI description (MSDK's
 * meaning of the field) and the validation rules always travel together.
 */

export interface FieldDoc {
  readonly description: string;
  readonly example?: unknown;
  readonly default?: unknown;
}

/** A string MSDK needs: present and not blank, within `maxBytes` UTF-8 bytes when the doc limits it. */
export function RequiredText(doc: FieldDoc, maxBytes?: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, ...withLimit(doc, maxBytes) }),
    IsString(),
    IsNotEmpty(),
    ...limit(maxBytes),
  );
}

/** An optional string ("" accepted and forwarded), within `maxBytes` UTF-8 bytes when limited. */
export function OptionalText(doc: FieldDoc, maxBytes?: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, ...withLimit(doc, maxBytes) }),
    IsOptional(),
    IsString(),
    ...limit(maxBytes),
  );
}

/** A string enumeration (MSDK sends some ids as strings, e.g. platid "1"). */
export function StringEnum(values: readonly string[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: String, enum: [...values], ...doc }), IsString(), IsIn([...values]));
}

/** An integer enumeration: a JSON number, never "0". */
export function IntEnum(values: readonly number[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: 'integer', enum: [...values], ...doc }), IsInt(), IsIn([...values]));
}

/** An optional integer enumeration. */
export function OptionalIntEnum(values: readonly number[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', enum: [...values], ...doc }),
    IsOptional(),
    IsInt(),
    IsIn([...values]),
  );
}

/** An optional integer (add @Min/@Max beside it where the doc bounds it). */
export function OptionalInt(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: 'integer', ...doc }), IsOptional(), IsInt());
}

/** An http(s) URL. */
export function HttpUrl(doc: FieldDoc, options: { optional?: boolean } = {}): PropertyDecorator {
  const url = IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  );
  return options.optional
    ? applyDecorators(ApiPropertyOptional({ type: String, format: 'uri', ...doc }), IsOptional(), url)
    : applyDecorators(ApiProperty({ type: String, format: 'uri', ...doc }), url);
}

function limit(maxBytes: number | undefined): PropertyDecorator[] {
  return maxBytes === undefined ? [] : [MaxBytes(maxBytes)];
}

function withLimit(doc: FieldDoc, maxBytes: number | undefined): FieldDoc {
  return maxBytes === undefined
    ? doc
    : { ...doc, description: `${doc.description}; at most ${maxBytes} bytes (UTF-8)` };
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/*
 * Field shapes several /profile DTOs share. The doc gives no size limits for the list fields;
 * the MAX_* guards below are the gateway's own, generous enough for any real batch, so that a
 * runaway caller gets a 400 instead of an oversized upstream call.
 */
export const MAX_SCORE_ITEMS = 100;
export const MAX_SUBSCRIBE_IDS = 100;
export const MAX_BATTLE_RECORDS = 100;
export const INT32_MAX = 2_147_483_647;

/** `xinyue_upgrade` (int): 1 asks for Xinyue's new level scale (1 Gamer … 7 V5). */
export function XinyueUpgrade(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      enum: [0, 1],
      description:
        "int; 1: use Xinyue's new interface, levels become 1 Gamer, 2 Gamer Pro, 3 V1, 4 V2, 5 V3, 6 V4, 7 V5",
    }),
    IsOptional(),
    IsInt(),
    IsIn([0, 1]),
  );
}

/** A WeChat subscription message id (int, such as 77). */
export function MessageId(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', description: `${description}; int, 1..${INT32_MAX}`, example: 77 }),
    IsInt(),
    Min(1),
    Max(INT32_MAX),
  );
}

/**
 * A caller-chosen id MSDK echoes back (Xinyue's trace_id and serial). It travels in the upstream
 * query, so it is kept to printable ASCII without spaces.
 */
export function EchoedId(description: string, example: string, maxLength: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description: `${description}; echoed in the answer; 1-${maxLength} printable ASCII characters, no spaces`,
      example,
    }),
    Matches(new RegExp(`^[\\x21-\\x7e]{1,${maxLength}}$`), {
      message: `$property must be 1-${maxLength} printable ASCII characters without spaces`,
    }),
  );
}

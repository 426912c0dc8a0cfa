import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { OPENID_PATTERN } from '../../validation/caller-identity.dto.js';

export interface OpenidListOptions {
  readonly description: string;
  readonly example: readonly string[];
  /** The documented cap, when MSDK documents one (qqfriends_vip: 49). */
  readonly maxItems?: number;
}

/**
 * A required, non-empty list of openids (vcopenid, fopenids, openids): MSDK answers an empty
 * list with nothing useful, and every entry must look like an openid.
 */
export function OpenidList(options: OpenidListOptions): PropertyDecorator {
  const limit = options.maxItems === undefined ? 'at least 1 openid' : `1 to ${options.maxItems} openids`;
  return applyDecorators(
    ApiProperty({
      type: [String],
      description: `${options.description}; ${limit}`,
      example: options.example,
      minItems: 1,
      ...(options.maxItems === undefined ? {} : { maxItems: options.maxItems }),
    }),
    IsArray(),
    ArrayMinSize(1),
    ...(options.maxItems === undefined ? [] : [ArrayMaxSize(options.maxItems)]),
    IsString({ each: true }),
    Matches(OPENID_PATTERN, { each: true, message: '$property must hold openids of 1-128 [A-Za-z0-9_.@=+-]' }),
  );
}

/** `closefriends_flag` (qqfriends_detail, wxfriends_profile): 1 adds the close-friend list. */
export function CloseFriendsFlag(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: [0, 1],
      type: 'integer',
      description: 'Whether to return close (intimate) friends in extinfo.closefriend_lists: 0 or absent = no, 1 = yes',
      example: 1,
    }),
    IsOptional(),
    IsInt(),
    IsIn([0, 1]),
  );
}

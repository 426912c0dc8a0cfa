import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { V3UserDto } from '../../validation/caller-identity.dto.js';
import { MAX_BATTLE_RECORDS } from './profile-fields.js';
import { IsOneOrManyObjects, IsUserDefinedData } from './profile.validators.js';
import { IntEnum, OptionalInt, OptionalText } from '../../validation/field-decorators.js';

/** `baseinfo`: who played. */
export class BattleBaseInfoDto {
  @ApiProperty({ description: 'string; game name (required)', example: 'Universal Aircraft War' })
  @IsString()
  @IsNotEmpty()
  gamename: string;

  @IntEnum([0, 1], { description: 'int; platform type, 0: iOS, 1: Android (required)' })
  platid: number;

  @OptionalText({ description: 'string; partition id (omit if the game has no partitions)', example: '9' })
  partitionid?: string;

  @OptionalText({ description: 'string; role id (omit if the game has no roles)', example: 'wongcai' })
  roleid?: string;

  @OptionalInt({ description: 'int; user level (omit if the game has no levels)', example: 2 })
  @Min(0)
  level?: number;
}

/** `battleinfo`: how the round went. */
export class BattleInfoDto {
  @OptionalInt({
    description: 'int; the score; drives the WeChat friend leaderboard (no leaderboard without it)',
    example: 4288625,
  })
  score?: number;

  @ApiPropertyOptional({
    description: 'bool; whether the user won this round (games with a win concept)',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  iswin?: boolean;
}

/** One user's battle data. */
export class BattleRecordDto {
  @ApiProperty({ type: () => BattleBaseInfoDto, description: 'Required: who played' })
  // ValidateNested alone lets a missing object through.
  @IsDefined()
  @ValidateNested()
  @Type(() => BattleBaseInfoDto)
  baseinfo: BattleBaseInfoDto;

  @ApiPropertyOptional({ type: () => BattleInfoDto, description: 'object; how the round went (score, win or loss)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BattleInfoDto)
  battleinfo?: BattleInfoDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Platform-defined data: { "<data id>": { "name": string, "value": int or string } }',
    example: { goldcoin: { name: 'gold', value: 358267 }, plane: { name: 'warplane', value: 'Seraphim' } },
  })
  @IsOptional()
  @IsUserDefinedData()
  userdefined?: Record<string, { name: string; value: number | string }>;
}

/** /profile/wxbattle_report — no login state; reports a round, never repeated. */
@ApiExtraModels(BattleRecordDto)
export class WxBattleReportDto extends V3UserDto {
  @ApiProperty({
    description: `Battle data: one user's record, or a batch of 1 to ${MAX_BATTLE_RECORDS} records`,
    oneOf: [
      { $ref: getSchemaPath(BattleRecordDto) },
      { type: 'array', items: { $ref: getSchemaPath(BattleRecordDto) } },
    ],
  })
  @IsOneOrManyObjects(MAX_BATTLE_RECORDS)
  @ValidateNested()
  @Type(() => BattleRecordDto)
  json: BattleRecordDto | BattleRecordDto[];
}

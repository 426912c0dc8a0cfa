import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class MsdkErrorDetailSchema {
  @ApiProperty({ description: "MSDK's ret" }) ret: number;
  @ApiProperty({ description: "MSDK's msg (or message)" }) msg: string;
  @ApiProperty({
    enum: ['msdk', 'qq', 'wechat'],
    description: 'msdk itself, or a platform error MSDK wrapped (-10000 QQ, -20000 WeChat)',
  })
  source: string;
  @ApiPropertyOptional({ description: 'The platform\'s own code, from msg "<code>,<text>"' }) platformCode?: number;
  @ApiPropertyOptional({ description: 'err_type: 1 retry later, 2 re-authorize, 3 refresh token' }) errType?: number;
}

class FieldProblemSchema {
  @ApiProperty() field: string;
  @ApiProperty({ type: [String] }) problems: string[];
}

class ErrorBodySchema {
  @ApiProperty({ example: 'UPSTREAM_TIMEOUT', description: 'Stable code' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty() requestId: string;
  @ApiPropertyOptional({ type: [FieldProblemSchema] }) fields?: FieldProblemSchema[];
  @ApiPropertyOptional({ type: MsdkErrorDetailSchema, description: 'Present only when MSDK answered' })
  msdk?: MsdkErrorDetailSchema;
}

/**
 * The one error envelope, as the route decorator names it. The document then lists each
 * operation's error answers per status with the codes each can carry (error-answers.ts).
 */
export class ErrorEnvelopeSchema {
  @ApiProperty({ type: ErrorBodySchema }) error: ErrorBodySchema;
}

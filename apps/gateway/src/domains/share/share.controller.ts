import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import { QqArkShareDto, QqShareDto } from './share.dtos.js';

const { share } = CATALOG;

@ApiTags('share')
@ApiBearerAuth()
@RequiresScope('share')
@Controller('v1/share')
export class ShareController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(share.qq, QqShareDto)
  qq(@Body() body: QqShareDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(share.qq, body, request);
  }

  @MsdkOperation(share.qqark, QqArkShareDto)
  qqark(@Body() body: QqArkShareDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(share.qqark, body, request);
  }
}

import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import { GetCcinfoDto, GetFreeflowInfoDto } from './freeflow.dtos.js';

const { freeflow } = CATALOG;

@ApiTags('freeflow')
@ApiBearerAuth()
@RequiresScope('freeflow')
@Controller('v1/freeflow')
export class FreeflowController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(freeflow.getinfo, GetFreeflowInfoDto)
  getinfo(@Body() body: GetFreeflowInfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(freeflow.getinfo, body, request);
  }

  @MsdkOperation(freeflow.getCcinfo, GetCcinfoDto)
  getCcinfo(@Body() body: GetCcinfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(freeflow.getCcinfo, body, request);
  }
}

import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('freeflow')
@ApiBearerAuth()
@RequiresScope('freeflow')
@Controller('v1/freeflow')
export class FreeflowController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('relation')
@ApiBearerAuth()
@RequiresScope('relation')
@Controller('v1/relation')
export class RelationController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

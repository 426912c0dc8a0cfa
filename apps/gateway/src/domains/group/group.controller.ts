import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('group')
@ApiBearerAuth()
@RequiresScope('group')
@Controller('v1/group')
export class GroupController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

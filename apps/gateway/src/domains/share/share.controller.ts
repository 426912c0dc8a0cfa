import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('share')
@ApiBearerAuth()
@RequiresScope('share')
@Controller('v1/share')
export class ShareController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

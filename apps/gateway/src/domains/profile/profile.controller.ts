import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('profile')
@ApiBearerAuth()
@RequiresScope('profile')
@Controller('v1/profile')
export class ProfileController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

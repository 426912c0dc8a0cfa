import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';

@ApiTags('friend')
@ApiBearerAuth()
@RequiresScope('friend')
@Controller('v1/friend')
export class FriendController {
  constructor(private readonly msdk: MsdkForwarder) {}
}

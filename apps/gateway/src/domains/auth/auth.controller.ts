import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder, type ForwardContext } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import { AppleVerifyDto, CheckTokenDto, GetPfvalDto, GuestCheckTokenDto, VerifyLoginDto } from './auth.dtos.js';

const { auth } = CATALOG;

@ApiTags('auth')
@ApiBearerAuth()
@RequiresScope('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(auth.verifyLogin, VerifyLoginDto)
  verifyLogin(@Body() body: VerifyLoginDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(auth.verifyLogin, body, ctx);
  }

  @MsdkOperation(auth.checkToken, CheckTokenDto)
  checkToken(@Body() body: CheckTokenDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(auth.checkToken, body, ctx);
  }

  @MsdkOperation(auth.guestCheckToken, GuestCheckTokenDto)
  guestCheckToken(@Body() body: GuestCheckTokenDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(auth.guestCheckToken, body, ctx);
  }

  @MsdkOperation(auth.appleVerify, AppleVerifyDto)
  appleVerify(@Body() body: AppleVerifyDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(auth.appleVerify, body, ctx);
  }

  @MsdkOperation(auth.getPfval, GetPfvalDto)
  getPfval(@Body() body: GetPfvalDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(auth.getPfval, body, ctx);
  }
}

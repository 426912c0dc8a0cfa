import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
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
  verifyLogin(@Body() body: VerifyLoginDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(auth.verifyLogin, body, request);
  }

  @MsdkOperation(auth.checkToken, CheckTokenDto)
  checkToken(@Body() body: CheckTokenDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(auth.checkToken, body, request);
  }

  @MsdkOperation(auth.guestCheckToken, GuestCheckTokenDto)
  guestCheckToken(@Body() body: GuestCheckTokenDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(auth.guestCheckToken, body, request);
  }

  @MsdkOperation(auth.appleVerify, AppleVerifyDto)
  appleVerify(@Body() body: AppleVerifyDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(auth.appleVerify, body, request);
  }

  @MsdkOperation(auth.getPfval, GetPfvalDto)
  getPfval(@Body() body: GetPfvalDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(auth.getPfval, body, request);
  }
}

import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import {
  GetVipRichInfoDto,
  QqFriendsDetailDto,
  QqFriendsVipDto,
  QqProfileDto,
  QqStrangeProfileDto,
  QqUnregFriendsDto,
  WxFriendsDto,
  WxFriendsProfileDto,
  WxProfileDto,
  WxUserinfoDto,
} from './relation.dtos.js';

const { relation } = CATALOG;

@ApiTags('relation')
@ApiBearerAuth()
@RequiresScope('relation')
@Controller('v1/relation')
export class RelationController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(relation.qqprofile, QqProfileDto)
  qqprofile(@Body() body: QqProfileDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.qqprofile, body, request);
  }

  @MsdkOperation(relation.qqfriendsDetail, QqFriendsDetailDto)
  qqfriendsDetail(@Body() body: QqFriendsDetailDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.qqfriendsDetail, body, request);
  }

  @MsdkOperation(relation.qqUnregFriends, QqUnregFriendsDto)
  qqUnregFriends(@Body() body: QqUnregFriendsDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.qqUnregFriends, body, request);
  }

  @MsdkOperation(relation.qqstrangeProfile, QqStrangeProfileDto)
  qqstrangeProfile(@Body() body: QqStrangeProfileDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.qqstrangeProfile, body, request);
  }

  @MsdkOperation(relation.qqfriendsVip, QqFriendsVipDto)
  qqfriendsVip(@Body() body: QqFriendsVipDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.qqfriendsVip, body, request);
  }

  @MsdkOperation(relation.getVipRichInfo, GetVipRichInfoDto)
  getVipRichInfo(@Body() body: GetVipRichInfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.getVipRichInfo, body, request);
  }

  @MsdkOperation(relation.wxfriends, WxFriendsDto)
  wxfriends(@Body() body: WxFriendsDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.wxfriends, body, request);
  }

  @MsdkOperation(relation.wxprofile, WxProfileDto)
  wxprofile(@Body() body: WxProfileDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.wxprofile, body, request);
  }

  @MsdkOperation(relation.wxfriendsProfile, WxFriendsProfileDto)
  wxfriendsProfile(@Body() body: WxFriendsProfileDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.wxfriendsProfile, body, request);
  }

  @MsdkOperation(relation.wxuserinfo, WxUserinfoDto)
  wxuserinfo(@Body() body: WxUserinfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(relation.wxuserinfo, body, request);
  }
}

import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder, type ForwardContext } from '../../msdk/msdk-forwarder.js';
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
  qqprofile(@Body() body: QqProfileDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.qqprofile, body, ctx);
  }

  @MsdkOperation(relation.qqfriendsDetail, QqFriendsDetailDto)
  qqfriendsDetail(@Body() body: QqFriendsDetailDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.qqfriendsDetail, body, ctx);
  }

  @MsdkOperation(relation.qqUnregFriends, QqUnregFriendsDto)
  qqUnregFriends(@Body() body: QqUnregFriendsDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.qqUnregFriends, body, ctx);
  }

  @MsdkOperation(relation.qqstrangeProfile, QqStrangeProfileDto)
  qqstrangeProfile(@Body() body: QqStrangeProfileDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.qqstrangeProfile, body, ctx);
  }

  @MsdkOperation(relation.qqfriendsVip, QqFriendsVipDto)
  qqfriendsVip(@Body() body: QqFriendsVipDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.qqfriendsVip, body, ctx);
  }

  @MsdkOperation(relation.getVipRichInfo, GetVipRichInfoDto)
  getVipRichInfo(@Body() body: GetVipRichInfoDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.getVipRichInfo, body, ctx);
  }

  @MsdkOperation(relation.wxfriends, WxFriendsDto)
  wxfriends(@Body() body: WxFriendsDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.wxfriends, body, ctx);
  }

  @MsdkOperation(relation.wxprofile, WxProfileDto)
  wxprofile(@Body() body: WxProfileDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.wxprofile, body, ctx);
  }

  @MsdkOperation(relation.wxfriendsProfile, WxFriendsProfileDto)
  wxfriendsProfile(@Body() body: WxFriendsProfileDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.wxfriendsProfile, body, ctx);
  }

  @MsdkOperation(relation.wxuserinfo, WxUserinfoDto)
  wxuserinfo(@Body() body: WxUserinfoDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(relation.wxuserinfo, body, ctx);
  }
}

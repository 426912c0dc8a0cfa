import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder, type ForwardContext } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import { GetGiftDto, GetWifiDto, GetXinyueSuperDto, QqGetFirstRegDto, QqScoreBatchDto, QueryVipDto } from './profile-qq.dtos.js';
import {
  GetWxXinyueVipDto,
  SubscribeClearDto,
  SubscribeGetlistDto,
  SubscribePushDto,
  SubscribeSetlistDto,
  WxGetEliteinfoDto,
  WxGetFirstRegDto,
  WxGetVipDto,
} from './profile-wechat.dtos.js';
import { WxBattleReportDto } from './wx-battle-report.dtos.js';

const { profile } = CATALOG;

@ApiTags('profile')
@ApiBearerAuth()
@RequiresScope('profile')
@Controller('v1/profile')
export class ProfileController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(profile.qqGetFirstReg, QqGetFirstRegDto)
  qqGetFirstReg(@Body() body: QqGetFirstRegDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.qqGetFirstReg, body, ctx);
  }

  @MsdkOperation(profile.queryVip, QueryVipDto)
  queryVip(@Body() body: QueryVipDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.queryVip, body, ctx);
  }

  @MsdkOperation(profile.getGift, GetGiftDto)
  getGift(@Body() body: GetGiftDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.getGift, body, ctx);
  }

  @MsdkOperation(profile.getWifi, GetWifiDto)
  getWifi(@Body() body: GetWifiDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.getWifi, body, ctx);
  }

  @MsdkOperation(profile.qqScoreBatch, QqScoreBatchDto)
  qqScoreBatch(@Body() body: QqScoreBatchDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.qqScoreBatch, body, ctx);
  }

  @MsdkOperation(profile.getXinyueSuper, GetXinyueSuperDto)
  getXinyueSuper(@Body() body: GetXinyueSuperDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.getXinyueSuper, body, ctx);
  }

  @MsdkOperation(profile.getWxXinyueVip, GetWxXinyueVipDto)
  getWxXinyueVip(@Body() body: GetWxXinyueVipDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.getWxXinyueVip, body, ctx);
  }

  @MsdkOperation(profile.wxGetVip, WxGetVipDto)
  wxGetVip(@Body() body: WxGetVipDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.wxGetVip, body, ctx);
  }

  @MsdkOperation(profile.wxGetFirstReg, WxGetFirstRegDto)
  wxGetFirstReg(@Body() body: WxGetFirstRegDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.wxGetFirstReg, body, ctx);
  }

  @MsdkOperation(profile.wxBattleReport, WxBattleReportDto)
  wxBattleReport(@Body() body: WxBattleReportDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.wxBattleReport, body, ctx);
  }

  @MsdkOperation(profile.subscribeGetlist, SubscribeGetlistDto)
  subscribeGetlist(@Body() body: SubscribeGetlistDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.subscribeGetlist, body, ctx);
  }

  @MsdkOperation(profile.subscribeSetlist, SubscribeSetlistDto)
  subscribeSetlist(@Body() body: SubscribeSetlistDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.subscribeSetlist, body, ctx);
  }

  @MsdkOperation(profile.subscribePush, SubscribePushDto)
  subscribePush(@Body() body: SubscribePushDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.subscribePush, body, ctx);
  }

  @MsdkOperation(profile.subscribeClear, SubscribeClearDto)
  subscribeClear(@Body() body: SubscribeClearDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.subscribeClear, body, ctx);
  }

  @MsdkOperation(profile.wxGetEliteinfo, WxGetEliteinfoDto)
  wxGetEliteinfo(@Body() body: WxGetEliteinfoDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(profile.wxGetEliteinfo, body, ctx);
  }
}

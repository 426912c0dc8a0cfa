import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import {
  GetGiftDto,
  GetWifiDto,
  GetXinyueSuperDto,
  QqGetFirstRegDto,
  QqScoreBatchDto,
  QueryVipDto,
} from './profile-qq.dtos.js';
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
  qqGetFirstReg(@Body() body: QqGetFirstRegDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.qqGetFirstReg, body, request);
  }

  @MsdkOperation(profile.queryVip, QueryVipDto)
  queryVip(@Body() body: QueryVipDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.queryVip, body, request);
  }

  @MsdkOperation(profile.getGift, GetGiftDto)
  getGift(@Body() body: GetGiftDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.getGift, body, request);
  }

  @MsdkOperation(profile.getWifi, GetWifiDto)
  getWifi(@Body() body: GetWifiDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.getWifi, body, request);
  }

  @MsdkOperation(profile.qqScoreBatch, QqScoreBatchDto)
  qqScoreBatch(@Body() body: QqScoreBatchDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.qqScoreBatch, body, request);
  }

  @MsdkOperation(profile.getXinyueSuper, GetXinyueSuperDto)
  getXinyueSuper(@Body() body: GetXinyueSuperDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.getXinyueSuper, body, request);
  }

  @MsdkOperation(profile.getWxXinyueVip, GetWxXinyueVipDto)
  getWxXinyueVip(@Body() body: GetWxXinyueVipDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.getWxXinyueVip, body, request);
  }

  @MsdkOperation(profile.wxGetVip, WxGetVipDto)
  wxGetVip(@Body() body: WxGetVipDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.wxGetVip, body, request);
  }

  @MsdkOperation(profile.wxGetFirstReg, WxGetFirstRegDto)
  wxGetFirstReg(@Body() body: WxGetFirstRegDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.wxGetFirstReg, body, request);
  }

  @MsdkOperation(profile.wxBattleReport, WxBattleReportDto)
  wxBattleReport(@Body() body: WxBattleReportDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.wxBattleReport, body, request);
  }

  @MsdkOperation(profile.subscribeGetlist, SubscribeGetlistDto)
  subscribeGetlist(@Body() body: SubscribeGetlistDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.subscribeGetlist, body, request);
  }

  @MsdkOperation(profile.subscribeSetlist, SubscribeSetlistDto)
  subscribeSetlist(@Body() body: SubscribeSetlistDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.subscribeSetlist, body, request);
  }

  @MsdkOperation(profile.subscribePush, SubscribePushDto)
  subscribePush(@Body() body: SubscribePushDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.subscribePush, body, request);
  }

  @MsdkOperation(profile.subscribeClear, SubscribeClearDto)
  subscribeClear(@Body() body: SubscribeClearDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.subscribeClear, body, request);
  }

  @MsdkOperation(profile.wxGetEliteinfo, WxGetEliteinfoDto)
  wxGetEliteinfo(@Body() body: WxGetEliteinfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(profile.wxGetEliteinfo, body, request);
  }
}

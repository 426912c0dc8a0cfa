import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import {
  BindExistingGroupDto,
  CreatebindGroupDto,
  GetGroupcodeDto,
  GetGroupinfoDto,
  GetGroupListDto,
  JoinGroupDto,
  QueryBindUnionDto,
  RemindLeaderBindDto,
  SendGroupmsgDto,
  UnlinkGroupDto,
} from './group-qq.dtos.js';
import { WxGetGroupinfoDto, WxGetGroupstatusDto, WxSendGroupmsgDto, WxUnlinkGroupDto } from './group-wechat.dtos.js';

const { group } = CATALOG;

/** QQ guild groups (v2) and WeChat groups; MSDK's /relation/<name> is /v1/group/<name> here. */
@ApiTags('group')
@ApiBearerAuth()
@RequiresScope('group')
@Controller('v1/group')
export class GroupController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(group.createbindGroup, CreatebindGroupDto)
  createbindGroup(@Body() body: CreatebindGroupDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.createbindGroup, body, request);
  }

  @MsdkOperation(group.getGroupinfo, GetGroupinfoDto)
  getGroupinfo(@Body() body: GetGroupinfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.getGroupinfo, body, request);
  }

  @MsdkOperation(group.joinGroup, JoinGroupDto)
  joinGroup(@Body() body: JoinGroupDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.joinGroup, body, request);
  }

  @MsdkOperation(group.unlinkGroup, UnlinkGroupDto)
  unlinkGroup(@Body() body: UnlinkGroupDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.unlinkGroup, body, request);
  }

  @MsdkOperation(group.getGroupList, GetGroupListDto)
  getGroupList(@Body() body: GetGroupListDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.getGroupList, body, request);
  }

  @MsdkOperation(group.bindExistingGroup, BindExistingGroupDto)
  bindExistingGroup(@Body() body: BindExistingGroupDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.bindExistingGroup, body, request);
  }

  @MsdkOperation(group.remindLeaderBind, RemindLeaderBindDto)
  remindLeaderBind(@Body() body: RemindLeaderBindDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.remindLeaderBind, body, request);
  }

  @MsdkOperation(group.queryBindUnion, QueryBindUnionDto)
  queryBindUnion(@Body() body: QueryBindUnionDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.queryBindUnion, body, request);
  }

  @MsdkOperation(group.getGroupcode, GetGroupcodeDto)
  getGroupcode(@Body() body: GetGroupcodeDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.getGroupcode, body, request);
  }

  @MsdkOperation(group.sendGroupmsg, SendGroupmsgDto)
  sendGroupmsg(@Body() body: SendGroupmsgDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.sendGroupmsg, body, request);
  }

  @MsdkOperation(group.wxGetGroupinfo, WxGetGroupinfoDto)
  wxGetGroupinfo(@Body() body: WxGetGroupinfoDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.wxGetGroupinfo, body, request);
  }

  @MsdkOperation(group.wxUnlinkGroup, WxUnlinkGroupDto)
  wxUnlinkGroup(@Body() body: WxUnlinkGroupDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.wxUnlinkGroup, body, request);
  }

  @MsdkOperation(group.wxGetGroupstatus, WxGetGroupstatusDto)
  wxGetGroupstatus(@Body() body: WxGetGroupstatusDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.wxGetGroupstatus, body, request);
  }

  @MsdkOperation(group.wxSendGroupmsg, WxSendGroupmsgDto)
  wxSendGroupmsg(@Body() body: WxSendGroupmsgDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(group.wxSendGroupmsg, body, request);
  }
}

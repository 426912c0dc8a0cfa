import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder, type ForwardContext } from '../../msdk/msdk-forwarder.js';
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
  createbindGroup(@Body() body: CreatebindGroupDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.createbindGroup, body, ctx);
  }

  @MsdkOperation(group.getGroupinfo, GetGroupinfoDto)
  getGroupinfo(@Body() body: GetGroupinfoDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.getGroupinfo, body, ctx);
  }

  @MsdkOperation(group.joinGroup, JoinGroupDto)
  joinGroup(@Body() body: JoinGroupDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.joinGroup, body, ctx);
  }

  @MsdkOperation(group.unlinkGroup, UnlinkGroupDto)
  unlinkGroup(@Body() body: UnlinkGroupDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.unlinkGroup, body, ctx);
  }

  @MsdkOperation(group.getGroupList, GetGroupListDto)
  getGroupList(@Body() body: GetGroupListDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.getGroupList, body, ctx);
  }

  @MsdkOperation(group.bindExistingGroup, BindExistingGroupDto)
  bindExistingGroup(@Body() body: BindExistingGroupDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.bindExistingGroup, body, ctx);
  }

  @MsdkOperation(group.remindLeaderBind, RemindLeaderBindDto)
  remindLeaderBind(@Body() body: RemindLeaderBindDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.remindLeaderBind, body, ctx);
  }

  @MsdkOperation(group.queryBindUnion, QueryBindUnionDto)
  queryBindUnion(@Body() body: QueryBindUnionDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.queryBindUnion, body, ctx);
  }

  @MsdkOperation(group.getGroupcode, GetGroupcodeDto)
  getGroupcode(@Body() body: GetGroupcodeDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.getGroupcode, body, ctx);
  }

  @MsdkOperation(group.sendGroupmsg, SendGroupmsgDto)
  sendGroupmsg(@Body() body: SendGroupmsgDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.sendGroupmsg, body, ctx);
  }

  @MsdkOperation(group.wxGetGroupinfo, WxGetGroupinfoDto)
  wxGetGroupinfo(@Body() body: WxGetGroupinfoDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.wxGetGroupinfo, body, ctx);
  }

  @MsdkOperation(group.wxUnlinkGroup, WxUnlinkGroupDto)
  wxUnlinkGroup(@Body() body: WxUnlinkGroupDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.wxUnlinkGroup, body, ctx);
  }

  @MsdkOperation(group.wxGetGroupstatus, WxGetGroupstatusDto)
  wxGetGroupstatus(@Body() body: WxGetGroupstatusDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.wxGetGroupstatus, body, ctx);
  }

  @MsdkOperation(group.wxSendGroupmsg, WxSendGroupmsgDto)
  wxSendGroupmsg(@Body() body: WxSendGroupmsgDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(group.wxSendGroupmsg, body, ctx);
  }
}

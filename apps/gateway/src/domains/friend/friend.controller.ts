import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder, type ForwardContext } from '../../msdk/msdk-forwarder.js';
import { MsdkOperation } from '../../msdk/msdk-operation.decorator.js';
import { ArkShareDto, FriendListDto, FriendShareDto, GetSopenidDto, RecallFriendsListDto } from './friend.dtos.js';

const { friend } = CATALOG;

/** The MSDK V5 (ITOP) friend API. */
@ApiTags('friend')
@ApiBearerAuth()
@RequiresScope('friend')
@Controller('v1/friend')
export class FriendController {
  constructor(private readonly msdk: MsdkForwarder) {}

  @MsdkOperation(friend.friendList, FriendListDto)
  friendList(@Body() body: FriendListDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(friend.friendList, body, ctx);
  }

  @MsdkOperation(friend.recallFriendsList, RecallFriendsListDto)
  recallFriendsList(@Body() body: RecallFriendsListDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(friend.recallFriendsList, body, ctx);
  }

  @MsdkOperation(friend.getSopenid, GetSopenidDto)
  getSopenid(@Body() body: GetSopenidDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(friend.getSopenid, body, ctx);
  }

  @MsdkOperation(friend.share, FriendShareDto)
  share(@Body() body: FriendShareDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(friend.share, body, ctx);
  }

  @MsdkOperation(friend.arkShare, ArkShareDto)
  arkShare(@Body() body: ArkShareDto, @Forwarding() ctx: ForwardContext) {
    return this.msdk.forward(friend.arkShare, body, ctx);
  }
}

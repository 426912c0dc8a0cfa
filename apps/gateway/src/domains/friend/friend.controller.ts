import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOG } from '#msdk';
import { RequiresScope } from '../../caller-auth/route-access.decorators.js';
import { Forwarding, type ForwardingRequest } from '../../msdk/forward-context.decorator.js';
import { MsdkForwarder } from '../../msdk/msdk-forwarder.js';
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
  friendList(@Body() body: FriendListDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(friend.friendList, body, request);
  }

  @MsdkOperation(friend.recallFriendsList, RecallFriendsListDto)
  recallFriendsList(@Body() body: RecallFriendsListDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(friend.recallFriendsList, body, request);
  }

  @MsdkOperation(friend.getSopenid, GetSopenidDto)
  getSopenid(@Body() body: GetSopenidDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(friend.getSopenid, body, request);
  }

  @MsdkOperation(friend.share, FriendShareDto)
  share(@Body() body: FriendShareDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(friend.share, body, request);
  }

  @MsdkOperation(friend.arkShare, ArkShareDto)
  arkShare(@Body() body: ArkShareDto, @Forwarding() request: ForwardingRequest) {
    return this.msdk.forward(friend.arkShare, body, request);
  }
}

import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { FriendController } from './friend.controller.js';

@Module({ imports: [MsdkModule], controllers: [FriendController] })
export class FriendModule {}

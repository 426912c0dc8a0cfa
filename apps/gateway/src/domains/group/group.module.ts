import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { GroupController } from './group.controller.js';

@Module({ imports: [MsdkModule], controllers: [GroupController] })
export class GroupModule {}

import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { ShareController } from './share.controller.js';

@Module({ imports: [MsdkModule], controllers: [ShareController] })
export class ShareModule {}

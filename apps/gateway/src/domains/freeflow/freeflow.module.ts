import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { FreeflowController } from './freeflow.controller.js';

@Module({ imports: [MsdkModule], controllers: [FreeflowController] })
export class FreeflowModule {}

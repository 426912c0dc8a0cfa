import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { RelationController } from './relation.controller.js';

@Module({ imports: [MsdkModule], controllers: [RelationController] })
export class RelationModule {}

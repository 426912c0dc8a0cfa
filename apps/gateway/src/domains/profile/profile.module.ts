import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { ProfileController } from './profile.controller.js';

@Module({ imports: [MsdkModule], controllers: [ProfileController] })
export class ProfileModule {}

import { Module } from '@nestjs/common';
import { MsdkModule } from '../../msdk/msdk.module.js';
import { AuthController } from './auth.controller.js';

@Module({ imports: [MsdkModule], controllers: [AuthController] })
export class AuthModule {}

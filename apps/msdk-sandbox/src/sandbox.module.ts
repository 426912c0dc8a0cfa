import { Module, type DynamicModule } from '@nestjs/common';
import { ControlController } from './control/control.controller.js';
import { SandboxState } from './control/sandbox-state.js';
import { MsdkEmulator } from './emulator/msdk-emulator.js';
import { SANDBOX_OPTIONS, type SandboxOptions } from './sandbox-options.js';

@Module({})
export class SandboxModule {
  static forRoot(options: SandboxOptions): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [ControlController],
      providers: [SandboxState, MsdkEmulator, { provide: SANDBOX_OPTIONS, useValue: options }],
    };
  }
}

import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { isValidFault } from './fault.js';
import { SandboxState } from './sandbox-state.js';

/** Test control API: inject faults, read back received calls, reset. Not part of MSDK. */
@Controller('__sandbox')
export class ControlController {
  constructor(private readonly state: SandboxState) {}

  @Post('faults')
  @HttpCode(204)
  addFaults(@Body() body: unknown): void {
    const faults = Array.isArray(body) ? body : [body];
    if (!faults.every(isValidFault))
      throw new BadRequestException('each fault needs "interface" (path or *) and optional positive "times"');
    faults.forEach((f) => this.state.addFault(f));
  }

  @Get('calls')
  calls(@Query('path') path?: string) {
    return this.state.callLog(path);
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.state.reset();
  }
}

import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { GatewayHarness, type GatewayHarnessOptions } from './gateway-harness.js';
import { SandboxHarness } from './sandbox-harness.js';

/**
 * The usual e2e stack for a describe block: a sandbox and a gateway in front of it, started
 * once, closed at the end, and the sandbox's calls and faults reset before each test. Options
 * may be a function, read when the stack starts (e.g. a Redis URL known only then).
 */
export function withSandboxAndGateway(
  options: Omit<GatewayHarnessOptions, 'sandbox'> | (() => Omit<GatewayHarnessOptions, 'sandbox'>),
  bind: (sandbox: SandboxHarness, gateway: GatewayHarness) => void,
): void {
  let sandbox: SandboxHarness | undefined;
  let gateway: GatewayHarness | undefined;
  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({ ...(typeof options === 'function' ? options() : options), sandbox });
    bind(sandbox, gateway);
  });
  afterAll(async () => {
    await gateway?.close();
    await sandbox?.close();
  });
  beforeEach(() => sandbox?.reset());
}

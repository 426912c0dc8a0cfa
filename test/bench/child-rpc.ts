import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** A helper's operation, whatever argument type it declares: its parent's `call` sends that argument. */
type Handler = (arg: never) => unknown;
type Reply = { id: number; result?: unknown; error?: string };

/**
 * A forked helper process (the upstream stub, the load generator) driven by request/response
 * messages over Node's IPC channel. Separate processes give each its own event loop and keep
 * their memory out of the gateway's RSS.
 */
export class ChildRpc<Hello = unknown> {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly hello: Hello,
  ) {
    child.on('message', (message: Reply) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`helper process exited (${code})`));
      this.pending.clear();
    });
  }

  /**
   * Forks the compiled module and waits for its first message (what it says when ready).
   * `execArgv` are the child's own Node flags: a parent run under --cpu-prof must not profile
   * (and slow) its helpers unless asked to.
   */
  static async fork<Hello>(
    module: URL,
    options: { execArgv?: string[]; env?: Record<string, string> } = {},
  ): Promise<ChildRpc<Hello>> {
    const child = fork(fileURLToPath(module), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: options.execArgv ?? [],
      env: { ...process.env, ...options.env },
    });
    const hello = await Promise.race([
      once(child, 'message').then(([m]) => m as Hello),
      once(child, 'exit').then(([code]) => {
        throw new Error(`${module.pathname} exited (${code}) before it was ready`);
      }),
    ]);
    return new ChildRpc<Hello>(child, hello);
  }

  call<T>(op: string, arg?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, arg });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill();
    await exited;
  }
}

/** CPU time (user + system, µs) this process has used so far: what a helper reports as `cpuMicros`. */
export function ownCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** The child's side: says hello once ready, then answers each call with its handler's result. */
export function serveRpc(hello: unknown, handlers: Record<string, Handler>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveRpc needs an IPC channel: start this module with ChildRpc.fork');
  const answer = async ({ id, op, arg }: { id: number; op: string; arg: unknown }): Promise<void> => {
    try {
      // The parent sends the argument its operation takes; nothing on the wire can check it.
      const handler = handlers[op] as ((arg: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`unknown operation ${op}`);
      send({ id, result: await handler(arg) } satisfies Reply);
    } catch (error) {
      send({ id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  };
  process.on('message', (message: { id: number; op: string; arg: unknown }) => void answer(message));
  // The parent going away (or killing us) ends the helper; nothing else keeps it alive.
  process.on('disconnect', () => process.exit(0));
  send(hello);
}

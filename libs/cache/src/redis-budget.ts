/** A request's time for Redis is used up: its callers bypass the store, as for any store failure. */
export class RedisBudgetSpentError extends Error {
  constructor(totalMs: number) {
    super(`Redis did not answer within the request's ${totalMs} ms budget`);
    this.name = 'RedisBudgetSpentError';
  }
}

/**
 * The time one request may wait on Redis, across all its commands (the shared rate-limit counter,
 * the cache read): each wait races what is left, so a slow Redis costs a request this budget at
 * most, once, however many commands it sends.
 */
export class RedisBudget {
  private leftMs: number;

  constructor(readonly totalMs: number) {
    this.leftMs = totalMs;
  }

  get spent(): boolean {
    return this.leftMs <= 0;
  }

  /** The command's answer, or RedisBudgetSpentError once the budget runs out first. */
  async race<T>(command: Promise<T>): Promise<T> {
    // The command may still fail after we stopped waiting: that is no one's error any more.
    command.catch(() => undefined);
    if (this.spent) throw new RedisBudgetSpentError(this.totalMs);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      // Timers run before the loop reads its sockets: on a busy loop, an answer that came in time
      // may still be unread when the timer fires. Giving up on the next turn (setImmediate, after
      // the sockets are read) lets it win, so a busy gateway is not taken for a slow Redis.
      const giveUp = () => setImmediate(() => reject(new RedisBudgetSpentError(this.totalMs)));
      timer = setTimeout(giveUp, this.leftMs);
    });
    try {
      return await Promise.race([command, outOfTime]);
    } catch (error) {
      // Out of time is spent, whatever the clock says: libuv's millisecond timers can fire a
      // fraction of a millisecond before performance.now() has counted the whole budget.
      if (error instanceof RedisBudgetSpentError) this.leftMs = 0;
      throw error;
    } finally {
      clearTimeout(timer);
      this.leftMs -= performance.now() - started;
    }
  }
}

/**
 * One budget per request, found again by each step that asks Redis (they share only the request
 * object): created by the first step that needs it, forgotten with the request.
 */
export class RequestRedisBudgets {
  private readonly budgets = new WeakMap<object, RedisBudget>();

  constructor(readonly totalMs: number) {}

  of(request: object): RedisBudget {
    let budget = this.budgets.get(request);
    if (!budget) this.budgets.set(request, (budget = new RedisBudget(this.totalMs)));
    return budget;
  }
}

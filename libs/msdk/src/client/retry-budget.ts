/**
 * Caps retries at a fraction of first attempts over a sliding second, with a small floor,
 * so that when MSDK struggles our retries cannot multiply the load on it. (cockatiel has no
 * such budget: its retry policy bounds attempts per call, not retries across calls.)
 */
export class RetryBudget {
  private windowStart = 0;
  private attempts = 0;
  private retries = 0;

  constructor(
    private readonly ratio: number,
    private readonly minPerSecond: number,
    private readonly now = Date.now,
  ) {}

  recordFirstAttempt(): void {
    this.roll();
    this.attempts++;
  }

  /** Whether one more retry fits the budget now. */
  hasRoom(): boolean {
    this.roll();
    return this.retries < this.minPerSecond + this.attempts * this.ratio;
  }

  /** A retry was made: it spends from the budget. */
  recordRetry(): void {
    this.roll();
    this.retries++;
  }

  private roll(): void {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.attempts = 0;
      this.retries = 0;
    }
  }
}

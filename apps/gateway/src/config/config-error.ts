/** Startup configuration problems, all at once, each naming the setting (never its value). */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid gateway configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Collects problems while a parser walks the config, so startup reports every one. */
export class ProblemList {
  readonly problems: string[] = [];

  add(problem: string): void {
    this.problems.push(problem);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ConfigValidationError(this.problems);
  }
}

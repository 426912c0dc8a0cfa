/**
 * The value, or a failed test naming what is missing. Jest's `expect` does not narrow types,
 * so a test that looks something up and then uses it goes through here.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** The bench's numeric settings from the environment, refused with the variable's name when out of range. */

/** Seconds in (0, 600]; `fallback` when unset. */
export function envSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 600)
    throw new Error(`${name} must be a number of seconds in (0, 600]`);
  return value;
}

/** A whole number in [1, max]; `fallback` when unset. */
export function envCount(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number in [1, ${max}]`);
  return value;
}

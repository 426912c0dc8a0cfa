import { readFileSync } from 'node:fs';
import type { ProblemList } from './config-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A secret from `NAME` or from the file `NAME_FILE` (Docker/Kubernetes secrets). Problems name
 * the variable, never the value.
 */
export function readSecret(env: Env, name: string, problems: ProblemList, required: boolean): string | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct !== undefined && file !== undefined) {
    problems.add(`${name} and ${name}_FILE are both set; set one`);
    return undefined;
  }
  if (file !== undefined) {
    try {
      const value = readFileSync(file, 'utf8').trim();
      if (value === '') problems.add(`${name}_FILE points to an empty file`);
      return value || undefined;
    } catch {
      problems.add(`${name}_FILE cannot be read (${file})`);
      return undefined;
    }
  }
  if (direct !== undefined && direct.trim() === '') {
    problems.add(`${name} is set but empty`);
    return undefined;
  }
  if (direct === undefined && required) problems.add(`${name} (or ${name}_FILE) is missing`);
  return direct?.trim();
}

/** `demo-game` -> `DEMO_GAME`: the part of a secret's variable name that names the game. */
export function envSegment(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

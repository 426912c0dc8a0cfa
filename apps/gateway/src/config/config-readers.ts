import type { ProblemList } from './config-error.js';

/** Small typed readers over untrusted JSON: each problem names the path it found it at. */
export type Json = Record<string, unknown>;

export function asObject(value: unknown, path: string, problems: ProblemList): Json {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add(`${path} must be an object`);
    return {};
  }
  return value as Json;
}

export function asArray(value: unknown, path: string, problems: ProblemList): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(`${path} must be an array`);
    return [];
  }
  return value;
}

export function str(obj: Json, key: string, path: string, problems: ProblemList, fallback?: string): string {
  const v = obj[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || v === '') {
    problems.add(`${path}.${key} must be a non-empty string`);
    return '';
  }
  return v;
}

export function optStr(obj: Json, key: string, path: string, problems: ProblemList): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    problems.add(`${path}.${key} must be a string`);
    return undefined;
  }
  return v;
}

export function int(
  obj: Json,
  key: string,
  path: string,
  problems: ProblemList,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const v = obj[key] ?? fallback;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    problems.add(`${path}.${key} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

export function num(
  obj: Json,
  key: string,
  path: string,
  problems: ProblemList,
  fallback: number,
  min = 0,
  max = Number.MAX_VALUE,
): number {
  const v = obj[key] ?? fallback;
  if (typeof v !== 'number' || Number.isNaN(v) || v < min || v > max) {
    problems.add(`${path}.${key} must be a number from ${min} to ${max}`);
    return fallback;
  }
  return v;
}

export function strList(obj: Json, key: string, path: string, problems: ProblemList): string[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
    problems.add(`${path}.${key} must be an array of non-empty strings`);
    return [];
  }
  return v as string[];
}

export function url(value: string, path: string, problems: ProblemList): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    return value.replace(/\/+$/, '');
  } catch {
    problems.add(`${path} must be an http(s) URL`);
    return '';
  }
}

/**
 * An on/off setting: the environment variable when set ("1"/"true" or "0"/"false"), else the
 * file's boolean, else the default. Anything else is a problem, never a silent "off".
 */
export function flag(
  envValue: string | undefined,
  envName: string,
  fileValue: unknown,
  path: string,
  problems: ProblemList,
  fallback: boolean,
): boolean {
  if (envValue !== undefined) {
    if (envValue === '1' || envValue === 'true') return true;
    if (envValue === '0' || envValue === 'false') return false;
    problems.add(`${envName} must be 1, 0, true or false`);
    return fallback;
  }
  if (fileValue === undefined) return fallback;
  if (typeof fileValue !== 'boolean') {
    problems.add(`${path} must be true or false`);
    return fallback;
  }
  return fileValue;
}

/** One of the given strings. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  problems: ProblemList,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.add(`${path} must be one of ${allowed.join(', ')}`);
  return fallback;
}

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ProblemList } from './config-error.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * A CA bundle named by a setting (`MSDK_CA_FILE`, `REDIS_CA_FILE`, or the config key): read and
 * checked at startup, so a wrong path or a file that is not PEM certificates stops startup naming
 * the setting instead of failing every call later. Returns the PEM text, or undefined when unset.
 */
export function readCaFile(value: unknown, setting: string, problems: ProblemList): string | undefined {
  // An empty value (as env files write "unset") means no CA file.
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.add(`${setting} must be a file path`);
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    problems.add(`${setting} cannot be read (${value})`);
    return undefined;
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0 || !blocks.every(isCertificate)) {
    problems.add(`${setting} is not a PEM certificate file (${value}): expected -----BEGIN CERTIFICATE----- blocks`);
    return undefined;
  }
  return blocks.join('\n');
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

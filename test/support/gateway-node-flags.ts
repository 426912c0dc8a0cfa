import { readFileSync } from 'node:fs';

const ENTRY = 'dist/apps/gateway/src/main.js';

/**
 * The Node flags the gateway ships with: what `npm run start:gateway` puts between `node` and
 * the entry point. Tests and the benchmark start the gateway with these, so they measure it as
 * it runs; the Dockerfile's CMD carries the same.
 */
export function gatewayNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  return flagsBefore(pkg.scripts['start:gateway'].split(/\s+/));
}

/** The flags in a `node <flags...> <entry>` command, given as its words. */
export function flagsBefore(words: readonly string[]): string[] {
  const node = words.indexOf('node');
  const entry = words.indexOf(ENTRY);
  if (node < 0 || entry < node) throw new Error(`expected "node [flags] ${ENTRY}", got "${words.join(' ')}"`);
  return words.slice(node + 1, entry);
}

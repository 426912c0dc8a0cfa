import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the shipped rules, their promtool tests and the runbook live (tests run from the repository root). */
export const RULES_DIR = 'config/prometheus/rules';
export const RULE_TESTS_DIR = 'config/prometheus/tests';
export const RUNBOOK = 'docs/alerts.md';

/** Every shipped rule file, as absolute paths (what a Prometheus started elsewhere needs). */
export function ruleFiles(): string[] {
  return yamlFilesIn(RULES_DIR).map((file) => resolve(file));
}

export function ruleTestFiles(): string[] {
  return yamlFilesIn(RULE_TESTS_DIR);
}

/** The alert names a rules file defines (`- alert: Name`). */
export function alertNamesIn(rulesYaml: string): string[] {
  return [...rulesYaml.matchAll(/^\s*- alert:\s*(\S+)\s*$/gm)].map((m) => m[1]);
}

/** The series names a recording rules file defines (`- record: name`). */
export function recordedNamesIn(rulesYaml: string): string[] {
  return [...rulesYaml.matchAll(/^\s*- record:\s*(\S+)\s*$/gm)].map((m) => m[1]);
}

/**
 * The gateway's metric names a PromQL expression reads. Every metric the gateway exports starts
 * `msdk_gateway_`; a recorded series is `level:msdk_gateway_…:operations`, which this leaves out
 * (the colons around it) — see recordedSeriesIn.
 */
export function gatewayMetricsIn(expr: string): string[] {
  return unique([...expr.matchAll(/(?<![\w:])msdk_gateway_\w+(?![\w:])/g)].map((m) => m[0]));
}

/** The recorded series (`level:metric:operations`) a PromQL expression reads. */
export function recordedSeriesIn(expr: string): string[] {
  return unique([...expr.matchAll(/(?<![\w:])[a-z_]+:msdk_gateway_\w+:\w+/g)].map((m) => m[0]));
}

/** Label names an expression matches on for one metric, from each `metric{label="…", …}` selector. */
export function selectorLabelsIn(expr: string, metric: string): string[] {
  const selectors = [...expr.matchAll(new RegExp(`(?<![\\w:])${metric}\\{([^}]*)\\}`, 'g'))].map((m) => m[1]);
  return unique(selectors.flatMap((body) => [...body.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1])));
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

const unique = (names: string[]) => [...new Set(names)];

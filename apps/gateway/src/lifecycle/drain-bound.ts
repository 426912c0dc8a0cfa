/** Slack over MSDK's deadline for a request's last steps (answering, its log lines). */
export const DRAIN_MARGIN_MS = 3_000;

/**
 * How long the close may wait for in-flight requests: one may wait on MSDK for the whole
 * deadline, so the bound lies just past it. Kubernetes' terminationGracePeriodSeconds must cover
 * the preStop hook + the drain delay + this (config/kubernetes/deployment.yaml).
 */
export function drainBoundMs(deadlineMs: number): number {
  return deadlineMs + DRAIN_MARGIN_MS;
}

import type { CatalogEntry } from '../catalog/catalog-entry.js';

export type AttemptOutcome =
  'ok' | 'msdk_error' | 'timeout' | 'unavailable' | 'bad_response' | 'tls_failed' | 'circuit_open';

/** Hooks for metrics and logs; the client knows nothing of Prometheus. */
export interface MsdkCallObserver {
  attemptFinished(entry: CatalogEntry, origin: string, outcome: AttemptOutcome, durationMs: number): void;
  retrying(entry: CatalogEntry, origin: string): void;
  answered(entry: CatalogEntry, body: Record<string, unknown>): void;
}

export const NO_OBSERVER: MsdkCallObserver = {
  attemptFinished: () => undefined,
  retrying: () => undefined,
  answered: () => undefined,
};

/**
 * What a lease holder publishes for the instances waiting on it: the value it loaded (good or
 * degraded) or its failure, stamped with its lease token so a waiter takes only the answer of a
 * flight it saw (never a leftover of an earlier one).
 */
export type FleetOutcome =
  | { readonly kind: 'value'; readonly value: Buffer; readonly degraded: boolean }
  | { readonly kind: 'failure'; readonly failure: string };

export interface FleetResult {
  readonly token: string;
  readonly outcome: FleetOutcome;
}

const KIND = { good: 0, degraded: 1, failure: 2 } as const;

/** token length (1 byte), token, kind (1 byte), then the value's bytes or the failure's text. */
export function encodeFleetResult(result: FleetResult): Buffer {
  const token = Buffer.from(result.token, 'utf8');
  const { outcome } = result;
  const kind = outcome.kind === 'failure' ? KIND.failure : outcome.degraded ? KIND.degraded : KIND.good;
  const body = outcome.kind === 'failure' ? Buffer.from(outcome.failure, 'utf8') : outcome.value;
  return Buffer.concat([Buffer.from([token.length]), token, Buffer.from([kind]), body]);
}

export function decodeFleetResult(bytes: Buffer): FleetResult | undefined {
  if (bytes.length < 2) return undefined;
  const tokenEnd = 1 + bytes[0];
  if (bytes.length < tokenEnd + 1) return undefined;
  const token = bytes.subarray(1, tokenEnd).toString('utf8');
  const kind = bytes[tokenEnd];
  const body = bytes.subarray(tokenEnd + 1);
  if (kind === KIND.failure) return { token, outcome: { kind: 'failure', failure: body.toString('utf8') } };
  if (kind === KIND.good || kind === KIND.degraded)
    return { token, outcome: { kind: 'value', value: body, degraded: kind === KIND.degraded } };
  return undefined;
}

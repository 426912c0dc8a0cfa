/**
 * A caller field read as text, as the answers echo it or seed from it: '' when absent, a scalar
 * as written, an object or array as its JSON.
 */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

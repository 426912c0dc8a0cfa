/** Field names whose values are credentials wherever they appear in a log object. */
export const SECRET_FIELDS = [
  'accessToken',
  'access_token',
  'openkey',
  'token',
  'sig',
  'sigkey',
  'msdkkey',
  'appkey',
  'authorization',
  'password',
];

/** pino's `redact` option: those fields at the top level and two levels down, and credential headers. */
export const REDACT = {
  paths: [
    ...SECRET_FIELDS,
    ...SECRET_FIELDS.map((f) => `*.${f}`),
    ...SECRET_FIELDS.map((f) => `*.*.${f}`),
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
  ],
  censor: '[REDACTED]',
};

/** Shorter values could match ordinary text; configured keys are far longer. */
const MIN_SCRUBBED_LENGTH = 6;

/**
 * pino's `hooks.streamWrite`: every configured secret value replaced in the finished line,
 * whatever field it hides in (field-name redaction only knows names). Undefined when no
 * configured value is long enough to scrub.
 */
export function secretValueScrub(values: readonly string[]): ((line: string) => string) | undefined {
  const secrets = values.filter((s) => s.length >= MIN_SCRUBBED_LENGTH);
  if (secrets.length === 0) return undefined;
  return (line) => {
    let out = line;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACT.censor);
    return out;
  };
}

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
 * pino's `hooks.streamWrite` (`scrub`): every configured secret value replaced in the finished
 * line, whatever field it hides in (field-name redaction only knows names). A config reload adds
 * the new keys; the old ones stay, since lines about requests still in flight may carry them.
 */
export class SecretValueScrub {
  private secrets: readonly string[] = [];

  constructor(values: readonly string[]) {
    this.add(values);
  }

  add(values: readonly string[]): void {
    const fresh = values.filter((s) => s.length >= MIN_SCRUBBED_LENGTH && !this.secrets.includes(s));
    // A new array, never a push: a line being scrubbed keeps iterating the list it started with.
    if (fresh.length > 0) this.secrets = [...this.secrets, ...fresh];
  }

  readonly scrub = (line: string): string => {
    let out = line;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACT.censor);
    return out;
  };
}

/** Query parameters that are credentials: never logged as they are. */
const SECRET_PARAMS = ['sig', 'access_token', 'accessToken', 'openkey', 'token', 'sigkey'];

/** The path and query with every credential parameter replaced, safe for logs and errors. */
export function redactPathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return pathAndQuery;
  const params = new URLSearchParams(pathAndQuery.slice(q + 1));
  for (const name of SECRET_PARAMS) if (params.has(name)) params.set(name, 'REDACTED');
  return `${pathAndQuery.slice(0, q)}?${params.toString()}`;
}

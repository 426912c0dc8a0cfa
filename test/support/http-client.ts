import { fetch as undiciFetch, type Dispatcher } from 'undici';
/**
 * Minimal JSON-over-HTTP client for tests (Node's fetch: real HTTP, nothing mocked). `T` names
 * the JSON the caller expects; it is not checked here: the test's assertions check it.
 */
export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  readonly json: T;
}

export async function request<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  dispatcher?: Dispatcher,
): Promise<HttpResult<T>> {
  const sent: Record<string, string> = { ...headers };
  const init: RequestInit = { method, headers: sent };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    sent['content-type'] ??= 'application/json';
  }
  const res = dispatcher ? await throughDispatcher(url, init, dispatcher) : await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export const post = <T = unknown>(
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
  dispatcher?: Dispatcher,
) => request<T>('POST', url, body, headers, dispatcher);
export const get = <T = unknown>(url: string, headers?: Record<string, string>, dispatcher?: Dispatcher) =>
  request<T>('GET', url, undefined, headers, dispatcher);

/**
 * The same exchange through an undici dispatcher of the test's own (e.g. an Agent trusting a test
 * CA: `connect: { ca }`), with undici's fetch so the dispatcher and the client are one library.
 */
async function throughDispatcher(url: string, init: RequestInit, dispatcher: Dispatcher): Promise<Response> {
  const res = await undiciFetch(url, {
    method: init.method,
    headers: init.headers as Record<string, string>,
    body: init.body as string | undefined,
    dispatcher,
  });
  const text = await res.text();
  return new Response(text === '' ? null : text, { status: res.status, headers: [...res.headers] });
}

import { AsyncLocalStorage } from 'node:async_hooks';

/** The request a log line belongs to, wherever in the call stack it is logged from. */
export interface RequestContext {
  readonly requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** pino mixin: stamps the current request id on every line logged while serving a request. */
export function requestIdMixin(): Record<string, unknown> {
  const store = requestContext.getStore();
  return store ? { requestId: store.requestId } : {};
}

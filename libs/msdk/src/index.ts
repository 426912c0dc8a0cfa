// Public surface of libs/msdk: the protocol, shared by the gateway and the sandbox.
// Files inside libs/msdk import each other directly, never through this file.
export * from './catalog/catalog-entry.js';
export * from './catalog/catalog.js';
export * from './credentials.js';
export * from './signing/md5-hex.js';
export * from './signing/v3-signer.js';
export * from './request/caller-payload.js';
export * from './request/resolve-platform.js';
export * from './request/v3-request-builder.js';
export * from './request/build-upstream-call.js';
export * from './request/redact-query.js';
export * from './errors/msdk-errors.js';
export * from './errors/msdk-ret-codes.js';
export * from './transport/msdk-transport.js';
export * from './transport/read-msdk-answer.js';
export * from './transport/undici.transport.js';
export * from './transport/axios.transport.js';
export * from './transport/upstream-tls.js';
export * from './client/resilience-options.js';
export * from './client/retry-budget.js';
export * from './client/breaker-registry.js';
export * from './client/call-observer.js';
export * from './client/attempt-tracer.js';
export * from './client/msdk-client.js';
// V5 (ITOP) protocol: the friend API's signer and request builder.
export * from './signing/v5-signer.js';
export * from './request/v5-request-builder.js';

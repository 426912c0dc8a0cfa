// Public surface of libs/cache: a generic read-through cache. It knows nothing of what it caches.
export * from './cache-store.js';
export * from './memory-store.js';
export * from './redis-store.js';
export * from './redis-topology.js';
export * from './single-flight.js';
export * from './read-through-cache.js';
export * from './fleet-single-flight.js';
export * from './cache-health.indicator.js';
export * from './cache.module.js';
// Generic fixed-window counters (rate limits), shared through Redis or local to the process.
export * from './redis-connection.js';
export * from './redis-tls.js';
export * from './window-counter.js';
export * from './memory-window-counter.js';
export * from './redis-window-counter.js';
export * from './fallback-window-counter.js';
// One time budget per request for all its Redis work, and the breaker that skips a failing Redis.
export * from './redis-budget.js';
export * from './redis-breaker.js';

// Public surface of libs/cache: a generic read-through cache. It knows nothing of what it caches.
export * from './cache-store.js';
export * from './memory-store.js';
export * from './redis-store.js';
export * from './single-flight.js';
export * from './read-through-cache.js';
export * from './cache-health.indicator.js';
export * from './cache.module.js';

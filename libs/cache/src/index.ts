// Public surface of libs/cache (filled in by the cache work).
export * from './cache.module.js';

// What both libs need to know about TLS (libs/msdk for MSDK over https, libs/cache for Redis over
// TLS), kept in one place since neither may import the other.
export * from './tls-failure.js';

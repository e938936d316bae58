// Barrel of src/sources/fetch: re-exports only.
export * from './backoff.js';
export * from './http.js';
export * from './client.js';
export * from './cache.js';
export * from './read-through.js';
export * from './odata-filter.js';
export * from './statline.js';
export * from './unzip.js';
export * from './archives.js';
export * from './ogc-features.js';
export * from './usable.js';

export * from './registry.js';
export * from './infer.js';
export * from './user-functions.js';

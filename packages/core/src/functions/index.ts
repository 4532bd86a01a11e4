export * from './registry.js';
export * from './infer.js';

export * from './catalog.js';
export * from './infer.js';

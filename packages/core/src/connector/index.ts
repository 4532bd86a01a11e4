export * from './connector.js';
export { parseDuration, parseMemorySize } from './option-syntax.js';

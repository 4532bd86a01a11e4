export * from './data-type.js';

export * from './table.js';
export * from './catalog.js';
export * from './view.js';

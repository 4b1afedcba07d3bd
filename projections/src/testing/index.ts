export * from './dialects.js';
export * from './history.js';

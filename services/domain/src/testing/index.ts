export * from './spec.js';
export * from './world.js';

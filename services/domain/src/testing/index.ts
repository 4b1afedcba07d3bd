export * from './spec.js';
export * from './world.js';
export * from './builders.js';
export * from './assessmentFacts.js';

export * from './db/database.js';
export * from './runner/projection.js';
export * from './runner/unitOfWork.js';
export * from './runner/registry.js';
export * from './runner/runner.js';

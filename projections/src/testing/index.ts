export * from './dialects.js';
export * from './history.js';
export * from './visitHistory.js';
export * from './postgresServer.js';
export * from './childOutput.js';

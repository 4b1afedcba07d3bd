export * from './dialects.js';
export * from './history.js';
export * from './visitHistory.js';
export * from './postgresServer.js';
// childOutput lives with the event store's testing helpers, which every package that spawns a child can import.
export { childOutput, type ChildEnd, type ChildOutput } from '@werkbezoek/eventstore/testing';

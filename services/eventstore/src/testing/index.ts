export * from './builders.js';
export * from './eventStoreContract.js';

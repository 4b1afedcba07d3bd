export * from './builders.js';
export * from './childOutput.js';
export * from './eventStoreContract.js';
export * from './keyStoreContract.js';

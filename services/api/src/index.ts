export * from './apiServer.js';
export * from './context.js';
export * from './platform.js';
export * from './auth/principal.js';
export * from './auth/roles.js';
export { buildApiSchema } from './graphql/schema.js';
export type { ExecutionOptions } from './graphql/execution.js';
export { createLogger, logLines } from './logging.js';
export { DEFAULT_RETENTION, type RetentionSettings, type RetentionJobMode } from './privacy/retentionJob.js';

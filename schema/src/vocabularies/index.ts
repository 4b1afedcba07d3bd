export * from './missionTypes.js';
export * from './reasons.js';
export * from './activities.js';
export * from './roles.js';
export * from './lessons.js';
export * from './policyDomains.js';
export * from './misc.js';
export * from './privacy.js';

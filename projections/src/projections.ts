import type { Projection } from './runner/projection.js';
import { auditProjection } from './audit/projection.js';
import { lessonsProjection } from './lessons/projection.js';
import { requestsProjection } from './requests/projection.js';

/** Every read model of the platform, in the order the runner applies them. */
export const allProjections: readonly Projection[] = [requestsProjection, lessonsProjection, auditProjection];

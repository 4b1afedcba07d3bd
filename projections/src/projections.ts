import { capacityProjection } from './capacity/projection.js';
import { clustersProjection } from './clusters/projection.js';
import { dashboardProjection } from './dashboard/projection.js';
import { erasuresProjection } from './erasures/projection.js';
import { dataSubjectsProjection } from './dataSubjects/projection.js';
import { historyProjection } from './history/projection.js';
import { lessonsProjection } from './lessons/projection.js';
import { missionsProjection } from './missions/projection.js';
import { planningProjection } from './planning/projection.js';
import { requestsProjection } from './requests/projection.js';
import type { Projection } from './runner/projection.js';

/** Every read model of the platform, in the order the runner applies them. */
export const allProjections: readonly Projection[] = [
  requestsProjection,
  missionsProjection,
  historyProjection,
  clustersProjection,
  lessonsProjection,
  capacityProjection,
  dashboardProjection,
  planningProjection,
  erasuresProjection,
  dataSubjectsProjection,
];

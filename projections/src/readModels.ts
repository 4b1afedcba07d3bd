import type { CapacityDb } from './capacity/queries.js';
import type { ClustersDb } from './clusters/queries.js';
import type { DashboardDb } from './dashboard/queries.js';
import type { ErasuresDb } from './erasures/queries.js';
import type { DataSubjectsDb } from './dataSubjects/queries.js';
import type { HistoryDb } from './history/queries.js';
import type { LessonsDb } from './lessons/queries.js';
import type { MissionsDb } from './missions/queries.js';
import type { PlanningDb } from './planning/queries.js';
import type { RequestsDb } from './requests/queries.js';

/** Every read-model view a reader can query, for a typed Kysely handle. */
export type ReadModels = RequestsDb &
  HistoryDb &
  ClustersDb &
  CapacityDb &
  DashboardDb &
  LessonsDb &
  MissionsDb &
  PlanningDb &
  ErasuresDb &
  DataSubjectsDb;

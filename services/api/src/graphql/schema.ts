import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import {
  JointMissionAuditResolver,
  RegionalEventAuditResolver,
  RequestAuditResolver,
} from '../analytics/audit.resolver.js';
import { ClustersResolver, RegionalClusterConnectionResolver } from '../analytics/clusters.resolver.js';
import { DashboardResolver } from '../analytics/dashboard.resolver.js';
import { HistoryResolver, VisitResolver } from '../analytics/history.resolver.js';
import { PolicyDomainResolver } from '../analytics/policyDomain.resolver.js';
import { RegionMapResolver } from '../analytics/regionMap.resolver.js';
import { LessonConnectionResolver, LessonResolver, MissionLessonsResolver } from '../lessons/lesson.resolver.js';
import { MissionActivityResolver, MissionResolver } from '../missions/mission.resolver.js';
import { JointMissionCandidateConnectionResolver, PlannerResolver } from '../planner/candidates.resolver.js';
import {
  JointMissionResolver,
  MissionJointMissionResolver,
  RegionalEventResolver,
} from '../planner/jointMission.resolver.js';
import { PlannerMutations } from '../planner/planner.mutations.js';
import { RegionalEventSuggestionResolver } from '../planner/suggestions.resolver.js';
import { PlanResolver } from '../planner/plan.resolver.js';
import { ErasureResolver } from '../privacy/erasure.resolver.js';
import { RetentionResolver } from '../privacy/retention.resolver.js';
import { ErasureSubjectNameResolver, RetentionCandidateNameResolver } from '../privacy/subjectName.resolver.js';
import { DataSubjectReportResolver } from '../privacy/subjectReport.resolver.js';
import { TwinningActorsResolver } from '../places/actorChanges.resolver.js';
import { MunicipalityResolver } from '../registry/municipality.resolver.js';
import { BudgetResolver, StaffResolver } from '../registry/staff.resolver.js';
import { TwinningResolver } from '../registry/twinning.resolver.js';
import { RequestConnectionResolver, RequestResolver } from '../requests/request.resolver.js';
import { ReadModelPositionResolver } from '../session/readModelPosition.resolver.js';
import { ViewerResolver } from '../session/viewer.resolver.js';
import { VocabulariesResolver } from '../session/vocabularies.resolver.js';

export const resolvers = [
  RequestResolver,
  RequestConnectionResolver,
  RequestAuditResolver,
  MunicipalityResolver,
  TwinningResolver,
  TwinningActorsResolver,
  StaffResolver,
  BudgetResolver,
  MissionResolver,
  MissionActivityResolver,
  LessonResolver,
  LessonConnectionResolver,
  MissionLessonsResolver,
  HistoryResolver,
  VisitResolver,
  ClustersResolver,
  RegionalClusterConnectionResolver,
  DashboardResolver,
  PolicyDomainResolver,
  RegionMapResolver,
  PlannerResolver,
  JointMissionCandidateConnectionResolver,
  JointMissionResolver,
  RegionalEventResolver,
  MissionJointMissionResolver,
  RegionalEventSuggestionResolver,
  PlanResolver,
  PlannerMutations,
  JointMissionAuditResolver,
  RegionalEventAuditResolver,
  ViewerResolver,
  VocabulariesResolver,
  ReadModelPositionResolver,
  ErasureResolver,
  DataSubjectReportResolver,
  RetentionResolver,
  ErasureSubjectNameResolver,
  RetentionCandidateNameResolver,
] as const;

/** The executable schema; its SDL is committed as schema/schema.graphql. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // Inputs are validated where the rules live: the event catalogue's schemas and the deciders.
    validate: false,
  });
}

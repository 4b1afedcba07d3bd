import type { KeyingConfig } from '@urql/exchange-graphcache';

type Data = Record<string, unknown>;
const embedded = () => null;

/**
 * How the normalised cache identifies objects that have no `id`: by their
 * natural key where they have one, else embedded in their parent. A test
 * checks this against every object type of schema/schema.graphql.
 */
export const cacheKeys: KeyingConfig = {
  AccompanimentHistory: (data: Data) => String(data.nisCode),
  AuditEntry: (data: Data) => String(data.eventId),
  Budget: (data: Data) => String(data.year),
  Municipality: (data: Data) => String(data.nisCode),
  StaffCapacity: (data: Data) => `${String(data.staffMemberId)}:${String(data.year)}`,
  AccompanimentPlan: embedded,
  AccompanimentRequestConnection: embedded,
  AccompanimentRequestEdge: embedded,
  ActivityLabel: embedded,
  AdditionalReasonLabel: embedded,
  Assessment: embedded,
  AuditActor: embedded,
  AuditEntryConnection: embedded,
  AuditEntryEdge: embedded,
  CapacityDeclaration: embedded,
  ClusterMunicipality: embedded,
  CountryCluster: embedded,
  Coverage: embedded,
  Dashboard: embedded,
  DashboardCounts: embedded,
  DashboardQuarter: embedded,
  DashboardRow: embedded,
  DecisionLabel: embedded,
  DeclineReasonCount: embedded,
  DeclineReasonLabel: embedded,
  DerivedReason: embedded,
  DraftAssessment: embedded,
  FixedPlanTrip: embedded,
  GreedyPlan: embedded,
  JointMissionCandidate: embedded,
  LessonConnection: embedded,
  LessonEdge: embedded,
  LessonLevelLabel: embedded,
  LocalizedLabel: embedded,
  MissionConnection: embedded,
  MissionEdge: embedded,
  MissionTypeLabel: embedded,
  MunicipalityRef: embedded,
  OverlappingGroup: embedded,
  PageInfo: embedded,
  PhaseLabel: embedded,
  PlanBudgetUse: embedded,
  PlanStaffUse: embedded,
  PlanTrip: embedded,
  PolicyDomainInfo: embedded,
  RegionLabel: embedded,
  RegionalCluster: embedded,
  RequestStatusLabel: embedded,
  RoleLabel: embedded,
  Viewer: embedded,
  Vocabularies: embedded,
  YearCapacity: embedded,
};

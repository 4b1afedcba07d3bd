export * from './decider.js';
export * from './dates.js';
export * from './events.js';
export * from './commandHandler.js';
export * from './handlers.js';
export * from './platformActor.js';
export * from './assessment/assess.js';
export * from './assessment/forCoordinator.js';
export * from './assessment/policy.js';
export * from './planning/candidates.js';
export * from './planning/candidateMonths.js';
export * from './planning/regionalEvents.js';
export * from './context/context.js';
export * from './context/eventLogContext.js';
export {
  municipalityDecider,
  municipalityStream,
  type MunicipalityCommand,
  type MunicipalityEvent,
  type MunicipalityState,
} from './municipalities/municipality.js';
export {
  twinningDecider,
  twinningStream,
  type ActorChange,
  type TwinningCommand,
  type TwinningEvent,
  type TwinningState,
} from './twinnings/twinning.js';
export { requestStream, type RequestDetails, type RequestEvent, type RequestState } from './requests/request.js';
export { requestDecider, MAX_VISIT_DAYS, type RequestCommand, type TwinningFacts } from './requests/decide.js';
export {
  missionDecider,
  missionStream,
  activityDays,
  type MissionCommand,
  type MissionEvent,
  type MissionState,
} from './missions/mission.js';
export {
  lessonDecider,
  lessonStream,
  type LessonCommand,
  type LessonEvent,
  type LessonState,
  type MissionFacts,
} from './lessons/lesson.js';
export {
  staffDecider,
  staffStream,
  capacityIn,
  bookedIn,
  freeDaysIn,
  type StaffCommand,
  type StaffEvent,
  type StaffState,
} from './staff/staffMember.js';
export {
  budgetDecider,
  budgetStream,
  unreservedEur,
  reservedCents,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from './budget/budget.js';
export {
  optimiseAccompanimentPlan,
  greedyAccompanimentPlan,
  type AccompanimentPlan,
  type AccompanimentPlanInput,
  type BudgetUse,
  type BundleTrip,
  type FixedTrip,
  type PlannedTrip,
  type PlanStatus,
  type RequestTrip,
  type StaffAvailability,
  type StaffUse,
} from './planning/optimiser.js';
export {
  priorityPolicy,
  requestPriority,
  bundlePriority,
  type Priority,
  type PriorityPolicy,
  type RequestPriorityInput,
} from './planning/priority.js';
export { requestTrip, bundleTrip, bundleId, type PlanRequest } from './planning/planInput.js';
export {
  jointMissionDecider,
  jointMissionStream,
  planOf as jointMissionPlanOf,
  MAX_JOINT_WINDOW_DAYS,
  type JointMissionState,
  type JointMissionEvent,
  type JointMissionPlan,
} from './jointMissions/jointMission.js';
export {
  regionalEventDecider,
  regionalEventStream,
  MAX_EVENT_DAYS,
  type RegionalEventState,
  type RegionalEventEvent,
} from './regionalEvents/regionalEvent.js';
export {
  dataSubjectDecider,
  dataSubjectStream,
  type DataSubjectCommand,
  type DataSubjectEvent,
  type DataSubjectState,
  type PendingErasure,
} from './privacy/dataSubject.js';
export {
  PrivacyHandlers,
  type DataSubjectDirectory,
  type ErasableKeys,
  type ErasureResult,
  type PrivacyHandlersOptions,
} from './privacy/handlers.js';
export { ABANDONED_TYPES, refuseIfAbandoned } from './recovery/abandoned.js';
export {
  overdue,
  recoveryAction,
  trackDecisions,
  TRACKED_TYPES,
  type DecisionFacts,
  type DecisionKind,
  type Hold,
  type PendingDecision,
} from './recovery/interruptedDecisions.js';
export { recoverDecision, type RecoveryOptions, type RecoveryOutcome } from './recovery/recoverDecision.js';
export { DecisionRecovery, type RecoveryRun } from './recovery/decisionRecovery.js';

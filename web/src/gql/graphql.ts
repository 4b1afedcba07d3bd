/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a VVSG staff member can do in each phase. */
export type Activity =
  /** Deelname aan vergaderingen in het programma van de delegatie / Taking part in the delegation's meetings */
  | 'DELEGATION_MEETINGS'
  /** Begeleiden van een evaluatievergadering tijdens het werkbezoek / Guiding an evaluation meeting during the visit */
  | 'EVALUATION_MEETING'
  /** Begeleiding van (interne) evaluatiemomenten na het werkbezoek / Guiding (internal) evaluation moments after the visit */
  | 'EVALUATION_MOMENTS'
  /** Terugkoppeling over de bevindingen en de 'lessons learned' / Feedback on findings and lessons learned */
  | 'FEEDBACK_LESSONS'
  /** Deelname aan terreinbezoeken / Taking part in field visits */
  | 'FIELD_VISITS'
  /** Informatie-uitwisseling met het bestuur en de diensten over de rol van de VVSG en het programma / Information exchange with council and services on the role of VVSG and the programme */
  | 'INFO_EXCHANGE_COUNCIL_SERVICES'
  /** Individuele interviews met sleutelfiguren in bestuur en diensten / Individual interviews with key figures in council and services */
  | 'KEY_FIGURE_INTERVIEWS'
  /** Informatie-uitwisseling met de Zuidelijke partner over de rol van de VVSG-medewerker / Information exchange with the southern partner on the staff member's role */
  | 'PARTNER_ROLE_EXCHANGE'
  /** Persoonlijk verslag van het werkbezoek / Personal report of the visit */
  | 'PERSONAL_REPORT'
  /** Voorbereidende vormingen en infovergaderingen met de delegatieleden / Preparatory training and information meetings with the delegation */
  | 'PREPARATORY_TRAINING'
  /** Overleg met bovenlokale actoren (ambassades, internationale instellingen) / Consultation with supra-local actors (embassies, international institutions) */
  | 'SUPRA_LOCAL_CONSULTATION'
  /** Contact met relevante bovenlokale actoren / Contact with relevant supra-local actors */
  | 'SUPRA_LOCAL_CONTACT'
  /** Begeleiding bij het opstellen van referentietermen / Guidance in drafting the terms of reference */
  | 'TERMS_OF_REFERENCE';

/** Additional reasons (bijkomende redenen) for accompaniment. */
export type AdditionalReason =
  /** Continuïteit bij vernieuwing van actoren (nieuwe coördinator, nieuwe coalitie, Noord of Zuid) / Continuity on renewal of actors (new coordinator, new coalition, North or South) */
  | 'ACTOR_RENEWAL'
  /** Combinatie met werkbezoeken van andere gemeenten in dezelfde Zuidelijke regio / Combined with visits of other municipalities to the same southern region */
  | 'COMBINED_VISITS'
  /** Sterke inhoudelijke problemen in de samenwerking op een beleidsdomein / Serious content problems in the cooperation on a policy domain */
  | 'CONTENT_PROBLEMS'
  /** Geplande activiteiten waarbij de expertise van de VVSG opportuun is / Planned activities where VVSG expertise is opportune */
  | 'EXPERTISE_ACTIVITIES'
  /** Opvolging en betrokkenheid: recent geen begeleid werkbezoek / Follow-up and involvement: not accompanied in the recent past */
  | 'FOLLOW_UP'
  /** Sterke relationele of communicatieproblemen tussen actoren in de stedenband / Serious relational or communication problems between actors in the twinning */
  | 'RELATIONAL_PROBLEMS';

export type AmendAccompanimentRequestInput = {
  delegationSize?: number | null | undefined;
  endDate?: string | null | undefined;
  missionType?: MissionType | null | undefined;
  notes?: string | null | undefined;
  policyDomains?: Array<string> | null | undefined;
  reasons?: Array<AdditionalReason> | null | undefined;
  requestId: string | number;
  startDate?: string | null | undefined;
};

export type DecideAccompanimentInput = {
  decision: Decision;
  /** Required when declining. */
  declineReason?: DeclineReason | null | undefined;
  /** Required when declining: what the municipality is told. */
  note?: string | null | undefined;
  requestId: string | number;
  /** The accompanying staff member; required when accepting. */
  staffMemberId?: string | number | null | undefined;
};

/** Accept or decline a request. */
export type Decision =
  /** Aanvaarden / Accept */
  | 'ACCEPT'
  /** Weigeren / Decline */
  | 'DECLINE';

/** The grounds on which VVSG may decline. */
export type DeclineReason =
  /** Deelname niet opportuun / Participation not opportune */
  | 'NOT_OPPORTUNE'
  /** Budgettair onmogelijk / Not possible within the budget */
  | 'NO_BUDGET'
  /** Onvoldoende tijd vrij te maken om voor te bereiden, te begeleiden en te verwerken / Not enough staff time to prepare, accompany and process the visit */
  | 'NO_STAFF_TIME';

/** A request as it would be submitted, to be assessed without storing it. */
export type DraftRequestInput = {
  delegationSize: number;
  endDate: string;
  missionType: MissionType;
  notes?: string | null | undefined;
  /** Policy-domain codes from the catalogue, e.g. "WASTE_MANAGEMENT". */
  policyDomains: Array<string>;
  /** The additional reasons the municipality claims. */
  reasons: Array<AdditionalReason>;
  startDate: string;
  twinningId: string | number;
};

/** Where an accompanied mission stands. */
export type MissionStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'SCHEDULED';

/** The purpose of a visit (finaliteit), in order of how relevant VVSG accompaniment is. */
export type MissionType =
  /** Evaluatiemissie / Evaluation mission */
  | 'EVALUATION'
  /** Identificatiemissie / Identification mission */
  | 'IDENTIFICATION'
  /** Politieke missie / Political mission */
  | 'POLITICAL'
  /** Technische missie / Technical mission */
  | 'TECHNICAL';

/** The phase of a visit. */
export type Phase =
  /** Tijdens het werkbezoek / During the visit */
  | 'DURING'
  /** Voorbereiding / Preparation */
  | 'PREPARATION'
  /** Verwerking / Processing afterwards */
  | 'PROCESSING';

export type RequestFilter = {
  /** Decided requests whose decision followed (true) or went against (false) the recommendation in force, as the dashboard's agreements count them; undecided and unassessed requests match neither. */
  agreement?: boolean | null | undefined;
  countryCode?: string | null | undefined;
  /** Declined for this reason. */
  declineReason?: DeclineReason | null | undefined;
  /** Visits that end on or after this date. */
  from?: string | null | undefined;
  missionType?: Array<MissionType> | null | undefined;
  nisCode?: string | null | undefined;
  /** The latest assessment's recommendation. */
  recommendation?: Decision | null | undefined;
  regionCode?: string | null | undefined;
  staffMemberId?: string | number | null | undefined;
  status?: Array<RequestStatus> | null | undefined;
  /** Submitted on or after this date (the dashboard counts requests by the quarter of submission). */
  submittedFrom?: string | null | undefined;
  /** Submitted on or before this date. */
  submittedTo?: string | null | undefined;
  /** Visits that start on or before this date. */
  to?: string | null | undefined;
};

/** Where a request stands. */
export type RequestStatus =
  /** Aanvaard / Accepted */
  | 'ACCEPTED'
  /** Afgerond / Completed */
  | 'COMPLETED'
  /** Geweigerd / Declined */
  | 'DECLINED'
  /** Ingediend / Submitted */
  | 'SUBMITTED'
  /** Ingetrokken / Withdrawn */
  | 'WITHDRAWN';

/** The roles of the platform's users. */
export type Role =
  /** Analist / Analyst */
  | 'ANALYST'
  /** Stedenbandcoördinator / Twinning coordinator */
  | 'COORDINATOR'
  /** Directie / Management */
  | 'MANAGEMENT'
  /** Planner / Planner */
  | 'PLANNER'
  /** VVSG-medewerker / VVSG staff member */
  | 'STAFF';

export type SubmitAccompanimentRequestInput = {
  delegationSize: number;
  endDate: string;
  missionType: MissionType;
  notes?: string | null | undefined;
  /** Policy-domain codes from the catalogue, e.g. "WASTE_MANAGEMENT". */
  policyDomains: Array<string>;
  /** The additional reasons the municipality claims. */
  reasons: Array<AdditionalReason>;
  startDate: string;
  twinningId: string | number;
};

/** A requested visit, or a mission that involves the municipality without a request of its own. */
export type VisitKind =
  | 'MISSION'
  | 'REQUEST';

export type WithdrawAccompanimentRequestInput = {
  reason: string;
  requestId: string | number;
};

export type ReadModelPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type ReadModelPositionQuery = { readModelPosition: string };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role, nisCode: string | null, municipalityName: string | null, displayName: string, allowedMutations: Array<string> } };

export type DraftAssessmentQueryVariables = Exact<{
  input: DraftRequestInput;
}>;


export type DraftAssessmentQuery = { assessDraftRequest: { requiredReasons: number, claimedReasons: Array<AdditionalReason>, satisfiedReasons: Array<AdditionalReason>, opportune: boolean, staffTimeAvailable: boolean, budgetAvailable: boolean, recommendation: Decision, daysNeeded: number, explanation: Array<string>, explanationEn: Array<string>, derivedReasons: Array<{ reason: AdditionalReason, why: { nl: string, en: string } | null }> } };

export type MyRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRequestsQuery = { twinnings: Array<{ id: string, partnerName: string, regionCode: string, countryCode: string, active: boolean }>, accompanimentRequests: { totalCount: number, edges: Array<{ node: { id: string, status: RequestStatus, missionType: MissionType, startDate: string, endDate: string, submittedOn: string, decidedOn: string | null, declineReason: DeclineReason | null, reasons: Array<AdditionalReason>, policyDomains: Array<string>, delegationSize: number, notes: string | null, twinning: { id: string, partnerName: string | null, regionCode: string | null }, assessment: { recommendation: Decision } | null, mission: { id: string, status: MissionStatus, startDate: string, endDate: string } | null } }> } };

export type SubmitRequestMutationVariables = Exact<{
  input: SubmitAccompanimentRequestInput;
}>;


export type SubmitRequestMutation = { submitAccompanimentRequest: { id: string, status: RequestStatus } };

export type AmendRequestMutationVariables = Exact<{
  input: AmendAccompanimentRequestInput;
}>;


export type AmendRequestMutation = { amendAccompanimentRequest: { id: string, status: RequestStatus, missionType: MissionType, startDate: string, endDate: string, reasons: Array<AdditionalReason>, policyDomains: Array<string>, delegationSize: number, notes: string | null } };

export type WithdrawRequestMutationVariables = Exact<{
  input: WithdrawAccompanimentRequestInput;
}>;


export type WithdrawRequestMutation = { withdrawAccompanimentRequest: { id: string, status: RequestStatus, withdrawalReason: string | null } };

export type DashboardPageQueryVariables = Exact<{
  fromQuarter: string;
  toQuarter: string;
  missionType?: MissionType | null | undefined;
  countryCode?: string | null | undefined;
  fromYear: number;
  toYear: number;
}>;


export type DashboardPageQuery = { dashboard: { totals: { submitted: number, accepted: number, declined: number, withdrawn: number, pending: number, agreements: number, assessedDecisions: number, agreementRate: number | null, medianDaysToDecision: number | null }, byQuarter: Array<{ quarter: string, submitted: number, accepted: number, declined: number, withdrawn: number, pending: number, agreements: number, assessedDecisions: number, agreementRate: number | null, declinedByReason: Array<{ reason: DeclineReason, count: number }> }>, rows: Array<{ quarter: string, missionType: MissionType, submitted: number }> }, capacitySummary: Array<{ year: number, declaredDays: number, bookedDays: number, usedDays: number, freeDays: number }>, budgets: Array<{ year: number, allocatedEur: number, reservedEur: number, spentEur: number, unreservedEur: number }>, coverage: Array<{ nisCode: string, name: string | null, lastAccompaniedOn: string | null, monthsSinceLastAccompaniment: number | null }>, twinnings: Array<{ id: string, nisCode: string, countryCode: string }> };

export type AssessmentResourcesQueryVariables = Exact<{
  year: number;
}>;


export type AssessmentResourcesQuery = { staffCapacity: Array<{ staffMemberId: string, year: number, name: string | null, freeDays: number }>, budgets: Array<{ year: number, unreservedEur: number }> };

export type ReassessMutationVariables = Exact<{
  requestId: string | number;
}>;


export type ReassessMutation = { assessAccompanimentRequest: { id: string, assessment: { assessedOn: string, recommendation: Decision } | null } };

export type RequestAuditQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type RequestAuditQuery = { accompanimentRequest: { id: string, auditTrail: { pageInfo: { hasNextPage: boolean }, edges: Array<{ node: { eventId: string, type: string, occurredAt: string, data: string, actor: { id: string, role: string, nisCode: string | null } } }> } } | null };

export type DecisionStaffQueryVariables = Exact<{
  year: number;
}>;


export type DecisionStaffQuery = { staffCapacity: Array<{ staffMemberId: string, year: number, name: string | null, freeDays: number }> };

export type DecideMutationVariables = Exact<{
  input: DecideAccompanimentInput;
}>;


export type DecideMutation = { decideAccompaniment: { id: string, status: RequestStatus, decidedOn: string | null, declineReason: DeclineReason | null, decisionNote: string | null, staffMemberName: string | null } };

export type RequestPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestPageQuery = { accompanimentRequest: { id: string, status: RequestStatus, missionType: MissionType, startDate: string, endDate: string, submittedOn: string, delegationSize: number, notes: string | null, policyDomains: Array<string>, reasons: Array<AdditionalReason>, decidedOn: string | null, declineReason: DeclineReason | null, decisionNote: string | null, staffMemberName: string | null, withdrawalReason: string | null, municipality: { nisCode: string, name: string | null }, twinning: { id: string, partnerName: string | null, regionCode: string | null, countryCode: string | null }, assessment: { assessedOn: string, policyVersion: string, recommendation: Decision, declineReason: DeclineReason | null, opportune: boolean, staffTimeAvailable: boolean, budgetAvailable: boolean, requiredReasons: number, satisfiedReasons: Array<AdditionalReason>, derivedReasons: Array<AdditionalReason>, daysNeeded: number, estimatedCostEur: number | null, explanation: Array<string>, explanationEn: Array<string> } | null, mission: { id: string, status: MissionStatus, startDate: string, endDate: string, activitiesDone: number, activitiesPlanned: number, staffNames: Array<string> } | null } | null };

export type RequestsPageQueryVariables = Exact<{
  filter?: RequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RequestsPageQuery = { accompanimentRequests: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, submittedOn: string, status: RequestStatus, missionType: MissionType, startDate: string, endDate: string, municipality: { nisCode: string, name: string | null }, twinning: { id: string, partnerName: string | null, regionCode: string | null }, assessment: { recommendation: Decision, daysNeeded: number, estimatedCostEur: number | null } | null } }> } };

export type MunicipalityHistoryQueryVariables = Exact<{
  nisCode: string;
}>;


export type MunicipalityHistoryQuery = { accompanimentHistory: { nisCode: string, lastAccompaniedOn: string | null, monthsSinceLastAccompaniment: number | null, visits: Array<{ id: string, kind: VisitKind, requestId: string | null, missionType: MissionType, startDate: string, endDate: string, accompanied: boolean, status: RequestStatus | null }> } };

export type RegionVisitsQueryVariables = Exact<{
  filter: RequestFilter;
}>;


export type RegionVisitsQuery = { accompanimentRequests: { edges: Array<{ node: { id: string, status: RequestStatus, missionType: MissionType, startDate: string, endDate: string, municipality: { nisCode: string, name: string | null } } }> } };

export type VocabulariesQueryVariables = Exact<{ [key: string]: never; }>;


export type VocabulariesQuery = { vocabularies: { missionTypes: Array<{ code: MissionType, rank: number, label: { nl: string, en: string } }>, additionalReasons: Array<{ code: AdditionalReason, derivable: boolean, label: { nl: string, en: string } }>, declineReasons: Array<{ code: DeclineReason, label: { nl: string, en: string } }>, decisions: Array<{ code: Decision, label: { nl: string, en: string } }>, requestStatuses: Array<{ code: RequestStatus, label: { nl: string, en: string } }>, activities: Array<{ code: Activity, phase: Phase, label: { nl: string, en: string } }>, phases: Array<{ code: Phase, label: { nl: string, en: string } }>, policyDomains: Array<{ code: string, label: { nl: string, en: string } }>, regions: Array<{ code: string, countryCode: string, label: { nl: string, en: string } }>, roles: Array<{ code: Role, label: { nl: string, en: string } }> } };


export const ReadModelPositionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadModelPosition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readModelPosition"}}]}}]} as unknown as DocumentNode<ReadModelPositionQuery, ReadModelPositionQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"municipalityName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMutations"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const DraftAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DraftAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessDraftRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requiredReasons"}},{"kind":"Field","name":{"kind":"Name","value":"claimedReasons"}},{"kind":"Field","name":{"kind":"Name","value":"satisfiedReasons"}},{"kind":"Field","name":{"kind":"Name","value":"derivedReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"why"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportune"}},{"kind":"Field","name":{"kind":"Name","value":"staffTimeAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"budgetAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"daysNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"explanationEn"}}]}}]}}]} as unknown as DocumentNode<DraftAssessmentQuery, DraftAssessmentQueryVariables>;
export const MyRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"twinnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnerName"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accompanimentRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"policyDomains"}},{"kind":"Field","name":{"kind":"Name","value":"delegationSize"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"twinning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnerName"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyRequestsQuery, MyRequestsQueryVariables>;
export const SubmitRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitAccompanimentRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitAccompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitRequestMutation, SubmitRequestMutationVariables>;
export const AmendRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AmendRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AmendAccompanimentRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amendAccompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"policyDomains"}},{"kind":"Field","name":{"kind":"Name","value":"delegationSize"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<AmendRequestMutation, AmendRequestMutationVariables>;
export const WithdrawRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawAccompanimentRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawAccompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawalReason"}}]}}]}}]} as unknown as DocumentNode<WithdrawRequestMutation, WithdrawRequestMutationVariables>;
export const DashboardPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromQuarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toQuarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"missionType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MissionType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromQuarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromQuarter"}}},{"kind":"Argument","name":{"kind":"Name","value":"toQuarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toQuarter"}}},{"kind":"Argument","name":{"kind":"Name","value":"missionType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"missionType"}}},{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"declined"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"}},{"kind":"Field","name":{"kind":"Name","value":"assessedDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"agreementRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToDecision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byQuarter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"declined"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"}},{"kind":"Field","name":{"kind":"Name","value":"assessedDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"agreementRate"}},{"kind":"Field","name":{"kind":"Name","value":"declinedByReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacitySummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"toYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"declaredDays"}},{"kind":"Field","name":{"kind":"Name","value":"bookedDays"}},{"kind":"Field","name":{"kind":"Name","value":"usedDays"}},{"kind":"Field","name":{"kind":"Name","value":"freeDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"toYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"allocatedEur"}},{"kind":"Field","name":{"kind":"Name","value":"reservedEur"}},{"kind":"Field","name":{"kind":"Name","value":"spentEur"}},{"kind":"Field","name":{"kind":"Name","value":"unreservedEur"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccompaniedOn"}},{"kind":"Field","name":{"kind":"Name","value":"monthsSinceLastAccompaniment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"twinnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]} as unknown as DocumentNode<DashboardPageQuery, DashboardPageQueryVariables>;
export const AssessmentResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssessmentResources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffCapacity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"freeDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"toYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"unreservedEur"}}]}}]}}]} as unknown as DocumentNode<AssessmentResourcesQuery, AssessmentResourcesQueryVariables>;
export const ReassessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reassess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessAccompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}}]}}]}}]}}]} as unknown as DocumentNode<ReassessMutation, ReassessMutationVariables>;
export const RequestAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"nisCode"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestAuditQuery, RequestAuditQueryVariables>;
export const DecisionStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffCapacity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"freeDays"}}]}}]}}]} as unknown as DocumentNode<DecisionStaffQuery, DecisionStaffQueryVariables>;
export const DecideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Decide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideAccompanimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideAccompaniment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"staffMemberName"}}]}}]}}]} as unknown as DocumentNode<DecideMutation, DecideMutationVariables>;
export const RequestPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accompanimentRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"delegationSize"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"policyDomains"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"staffMemberName"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawalReason"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"twinning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnerName"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"opportune"}},{"kind":"Field","name":{"kind":"Name","value":"staffTimeAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"budgetAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"requiredReasons"}},{"kind":"Field","name":{"kind":"Name","value":"satisfiedReasons"}},{"kind":"Field","name":{"kind":"Name","value":"derivedReasons"}},{"kind":"Field","name":{"kind":"Name","value":"daysNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostEur"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"explanationEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesDone"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesPlanned"}},{"kind":"Field","name":{"kind":"Name","value":"staffNames"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPageQuery, RequestPageQueryVariables>;
export const RequestsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accompanimentRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"twinning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnerName"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"daysNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostEur"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestsPageQuery, RequestsPageQueryVariables>;
export const MunicipalityHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalityHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nisCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accompanimentHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nisCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nisCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccompaniedOn"}},{"kind":"Field","name":{"kind":"Name","value":"monthsSinceLastAccompaniment"}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"accompanied"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalityHistoryQuery, MunicipalityHistoryQueryVariables>;
export const RegionVisitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionVisits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accompanimentRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"missionType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nisCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionVisitsQuery, RegionVisitsQueryVariables>;
export const VocabulariesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Vocabularies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vocabularies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"missionTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"additionalReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"derivable"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"declineReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"policyDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nl"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VocabulariesQuery, VocabulariesQueryVariables>;
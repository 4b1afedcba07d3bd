import type { Role } from '@werkbezoek/schema';
import { GraphQLError } from 'graphql';
import type { Principal } from './principal.js';

/** Who may do what: one table, read at every resolver through `authorize`. */
export const permissions = {
  /** Read every read model: requests, histories, clusters, lessons, dashboards. */
  readAll: ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF'],
  /** Submit, amend and withdraw requests: coordinators, for their own municipality only. */
  requestVisit: ['COORDINATOR'],
  /** Register municipalities, twinnings and staff; assess and decide; record missions and lessons. */
  staffWork: ['STAFF'],
  allocateBudget: ['MANAGEMENT'],
  /** Propose and amend joint missions and regional events. */
  proposePlans: ['PLANNER', 'STAFF'],
  /** Approve or reject them: that commits staff time and budget. */
  decidePlans: ['MANAGEMENT'],
  /** Read the planner's proposals (joint-mission candidates): not for analysts, who read outcomes, not plans. */
  plan: ['PLANNER', 'MANAGEMENT', 'STAFF'],
  /** Request and cancel the erasure of a data subject (issue 15). */
  requestErasure: ['MANAGEMENT'],
  /** Confirm an erasure: a second person, in another role than the one who asked (four eyes). */
  confirmErasure: ['STAFF'],
  /** The list of erasures: ids, kinds, reasons, dates and roles, no personal data. */
  readErasures: ['MANAGEMENT', 'STAFF'],
  /** A data subject's access report: everything held about one person, decrypted (GDPR art. 15). */
  personalData: ['MANAGEMENT', 'STAFF'],
  /** Who is past retention, and the periods: what the retention job would erase. */
  retention: ['MANAGEMENT'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/**
 * Which permission each Mutation field needs: resolvers authorise through it
 * (`authorizeMutation`) and `viewer.allowedMutations` reads it, so the UI
 * offers exactly what the API allows. A test checks it names every Mutation field.
 */
export const mutationPermissions = {
  registerMunicipality: 'staffWork',
  establishTwinning: 'staffWork',
  recordActorChange: 'staffWork',
  endTwinning: 'staffWork',
  adviseAccompaniment: 'staffWork',
  logContact: 'staffWork',
  registerStaffMember: 'staffWork',
  declareStaffCapacity: 'staffWork',
  allocateBudget: 'allocateBudget',
  submitAccompanimentRequest: 'requestVisit',
  amendAccompanimentRequest: 'requestVisit',
  withdrawAccompanimentRequest: 'requestVisit',
  assessAccompanimentRequest: 'staffWork',
  decideAccompaniment: 'staffWork',
  planMissionActivity: 'staffWork',
  recordMissionActivityDone: 'staffWork',
  fileMissionReport: 'staffWork',
  completeMission: 'staffWork',
  cancelMission: 'staffWork',
  recordLesson: 'staffWork',
  editLesson: 'staffWork',
  promoteToGoodPractice: 'staffWork',
  retractLesson: 'staffWork',
  proposeJointMission: 'proposePlans',
  amendJointMission: 'proposePlans',
  approveJointMission: 'decidePlans',
  rejectJointMission: 'decidePlans',
  proposeRegionalEvent: 'proposePlans',
  amendRegionalEvent: 'proposePlans',
  approveRegionalEvent: 'decidePlans',
  rejectRegionalEvent: 'decidePlans',
  eraseDataSubject: 'requestErasure',
  confirmDataSubjectErasure: 'confirmErasure',
  cancelDataSubjectErasure: 'requestErasure',
} as const satisfies Record<string, Permission>;

export type MutationName = keyof typeof mutationPermissions;

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export function authorize(principal: Principal, permission: Permission): void {
  const allowed: readonly Role[] = permissions[permission];
  if (!allowed.includes(principal.role)) {
    throw forbidden(`Role ${principal.role} may not do this; it is for ${allowed.join(', ')}`);
  }
}

/** Authorises a Mutation field by its entry in `mutationPermissions`. */
export function authorizeMutation(principal: Principal, mutation: MutationName): void {
  authorize(principal, mutationPermissions[mutation]);
}

/** The Mutation fields a role may call, in the table's order. */
export function allowedMutations(role: Role): MutationName[] {
  return (Object.keys(mutationPermissions) as MutationName[]).filter((m) =>
    (permissions[mutationPermissions[m]] as readonly Role[]).includes(role),
  );
}

/** A coordinator sees and acts on one municipality only. */
export function authorizeMunicipality(principal: Principal, nisCode: string): void {
  if (principal.role === 'COORDINATOR' && principal.nisCode !== nisCode) {
    throw forbidden(`A coordinator of ${principal.nisCode ?? '?'} cannot see or change municipality ${nisCode}`);
  }
}

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
  proposeJointMissions: ['PLANNER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export function authorize(principal: Principal, permission: Permission): void {
  const allowed: readonly Role[] = permissions[permission];
  if (!allowed.includes(principal.role)) {
    throw forbidden(`Role ${principal.role} may not do this; it is for ${allowed.join(', ')}`);
  }
}

/** A coordinator sees and acts on one municipality only. */
export function authorizeMunicipality(principal: Principal, nisCode: string): void {
  if (principal.role === 'COORDINATOR' && principal.nisCode !== nisCode) {
    throw forbidden(`A coordinator of ${principal.nisCode ?? '?'} cannot see or change municipality ${nisCode}`);
  }
}

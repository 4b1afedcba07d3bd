import 'reflect-metadata';
import { Roles } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../graphql/schema.js';
import { allowedMutations, mutationPermissions } from './roles.js';

describe('the mutation permission table', () => {
  it('names every Mutation field of the schema, and nothing else', async () => {
    const schema = await buildApiSchema();
    const fields = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(mutationPermissions).sort()).toEqual(fields);
  });

  it('gives each role the mutations of its permissions', () => {
    expect(allowedMutations('COORDINATOR')).toEqual([
      'submitAccompanimentRequest',
      'amendAccompanimentRequest',
      'withdrawAccompanimentRequest',
    ]);
    expect(allowedMutations('MANAGEMENT')).toEqual([
      'allocateBudget',
      'approveJointMission',
      'rejectJointMission',
      'approveRegionalEvent',
      'rejectRegionalEvent',
      'eraseDataSubject',
      'cancelDataSubjectErasure',
    ]);
    const proposals = ['proposeJointMission', 'amendJointMission', 'proposeRegionalEvent', 'amendRegionalEvent'];
    expect(allowedMutations('PLANNER')).toEqual(proposals);
    expect(allowedMutations('STAFF')).toEqual(expect.arrayContaining(proposals));
    expect(allowedMutations('STAFF')).not.toContain('approveJointMission');
    expect(allowedMutations('ANALYST')).toEqual([]);
    expect(allowedMutations('STAFF')).toContain('decideAccompaniment');
    expect(allowedMutations('STAFF')).not.toContain('allocateBudget');
    // Erasure takes two people in two roles: management asks, staff confirms.
    expect(allowedMutations('STAFF')).toContain('confirmDataSubjectErasure');
    expect(allowedMutations('STAFF')).not.toContain('eraseDataSubject');
    expect(allowedMutations('MANAGEMENT')).not.toContain('confirmDataSubjectErasure');
    // Every mutation is for some role.
    const covered = new Set(Roles.codes.flatMap((r) => allowedMutations(r)));
    expect(covered.size).toBe(Object.keys(mutationPermissions).length);
  });
});

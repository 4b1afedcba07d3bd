import { assessInDetail, defaultPolicy, explanationForCoordinator, platformActor } from '@werkbezoek/domain';
import { assessmentFacts } from '@werkbezoek/domain/testing';
import { staffToken, werkbezoekCatalogue, type Actor } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actorForCoordinator,
  auditSummary,
  coordinatorFields,
  dataForCoordinator,
  idsForCoordinator,
  otherMunicipalityActorId,
  vvsgActorId,
  type AuditedEvent,
  type AuditReader,
} from './auditForCoordinator.js';

const zoersel: AuditReader = { role: 'COORDINATOR', nisCode: '11055' };
const coordinatorOf = (nisCode: string): Actor => ({ id: `coordinator-${nisCode}`, role: 'COORDINATOR', nisCode });

function event(type: string, data: object, actor: Actor = coordinatorOf('11055')): AuditedEvent {
  return {
    type,
    data,
    occurredAt: '2026-03-02T09:00:00.000Z',
    actor,
    correlationId: `${actor.id}:idempotency-key-1`,
    causationId: `${actor.id}:idempotency-key-1`,
  };
}

/** The top-level fields of an event type's current schema. */
function fieldsOf(type: string): string[] {
  const schema = werkbezoekCatalogue.get(type)!.schema as unknown as z.ZodType;
  expect(schema.def.type, `${type}'s schema is an object`).toBe('object');
  return Object.keys((schema as z.ZodObject).shape);
}

/** Data with every field of the type's schema set to a value that names its field (an assessment's explanation made over needs its shape). */
const everyField = (type: string): Record<string, unknown> => ({
  ...Object.fromEntries(fieldsOf(type).map((f) => [f, `value of ${type}.${f}`])),
  ...(type === 'AccompanimentRequestAssessed' ? stored : {}),
});

const allowed = (type: string): string[] =>
  Object.keys((coordinatorFields as Record<string, object | undefined>)[type] ?? {});

/** Fields that carry VVSG's staff, free days, amounts or the policy's inputs (issue 15). */
const vvsgOnly = [
  'freeStaffDays',
  'estimatedCostEur',
  'unreservedBudgetEur',
  'inputs',
  'staffMemberId',
  'staffMemberIds',
  'bookedDays',
  'reservedBudgetEur',
  'budgetEur',
  'amountEur',
];

/** A stored assessment that names the staff member with the most free days and the euro figures. */
const facts = assessmentFacts({
  request: {
    missionType: 'TECHNICAL',
    claimedReasons: ['CONTENT_PROBLEMS'],
    startDate: '2027-05-04',
    endDate: '2027-05-13',
  },
  staff: [{ staffMemberId: 's9', name: 'Lies Janssens', declaredDays: 60, bookedDays: 22, freeDays: 38 }],
});
const { result } = assessInDetail(facts, defaultPolicy);
const stored = { requestId: facts.request.requestId, trigger: 'CONTEXT_CHANGED', ...result };

describe('what a coordinator reads of each event type in the catalogue', () => {
  it.each(werkbezoekCatalogue.types.map((type) => [type]))('%s: the allowed fields, every other withheld', (type) => {
    const data = everyField(type);
    const shown = dataForCoordinator(event(type, data));
    const expected = allowed(type).filter((f) => f in data && f !== 'explanation');
    expect(
      Object.keys(shown.data)
        .filter((f) => f !== 'explanation')
        .sort(),
    ).toEqual(expected.sort());
    for (const f of expected) expect(shown.data[f]).toBe(data[f]);
    expect(shown.withheld).toEqual(
      Object.keys(data)
        .filter((f) => !allowed(type).includes(f))
        .sort(),
    );
    for (const f of vvsgOnly) expect(shown.data).not.toHaveProperty(f);
  });

  it('gives nothing of an event type without an entry, whatever its fields, and says which it left out', () => {
    const withoutEntry = werkbezoekCatalogue.types.filter((type) => allowed(type).length === 0);
    expect(withoutEntry.length).toBeGreaterThan(0);
    for (const type of withoutEntry) {
      const data = everyField(type);
      expect(dataForCoordinator(event(type, data)), type).toEqual({ data: {}, withheld: Object.keys(data).sort() });
    }
    // A type the catalogue may gain tomorrow, with fields of any name.
    expect(dataForCoordinator(event('SomethingNewHappened', { requestId: 'r1', note: 'x', amountEur: 10 }))).toEqual({
      data: {},
      withheld: ['amountEur', 'note', 'requestId'],
    });
    // Nor does an inherited property of the list count as an entry.
    expect(dataForCoordinator(event('constructor', { requestId: 'r1' })).data).toEqual({});
  });

  it("lists only the request's own events, and only fields their schemas have", () => {
    expect(Object.keys(coordinatorFields).sort()).toEqual([
      'AccompanimentAccepted',
      'AccompanimentDeclined',
      'AccompanimentRequestAmended',
      'AccompanimentRequestAssessed',
      'AccompanimentRequestSubmitted',
      'AccompanimentRequestWithdrawn',
    ]);
    for (const type of Object.keys(coordinatorFields)) {
      expect(werkbezoekCatalogue.get(type)?.aggregate, type).toBe('request');
      expect(fieldsOf(type), type).toEqual(expect.arrayContaining(allowed(type)));
      expect(
        allowed(type).filter((f) => vvsgOnly.includes(f)),
        type,
      ).toEqual([]);
    }
  });
});

describe('an assessment as a coordinator reads it', () => {
  it('keeps the outcome, the reasons, the days needed and whether staff time and budget suffice', () => {
    const { data, withheld } = dataForCoordinator(event('AccompanimentRequestAssessed', stored));
    expect(data).toEqual({
      requestId: stored.requestId,
      policyVersion: result.policyVersion,
      trigger: 'CONTEXT_CHANGED',
      recommendation: result.recommendation,
      ...(result.declineReason ? { declineReason: result.declineReason } : {}),
      opportune: result.opportune,
      requiredReasons: result.requiredReasons,
      claimedReasons: result.claimedReasons,
      derivedReasons: result.derivedReasons,
      satisfiedReasons: result.satisfiedReasons,
      daysNeeded: result.daysNeeded,
      staffTimeAvailable: result.staffTimeAvailable,
      budgetAvailable: result.budgetAvailable,
      explanation: explanationForCoordinator(result, 2027),
    });
    expect(withheld).toEqual(['estimatedCostEur', 'freeStaffDays', 'inputs', 'unreservedBudgetEur']);
  });

  it('explains in the sentences of the request itself, with no name, free days or euro figure', () => {
    const full = JSON.stringify(stored);
    expect(full).toContain(staffToken('s9'));
    expect(full).toContain('€');
    const shown = JSON.stringify(dataForCoordinator(event('AccompanimentRequestAssessed', stored)).data);
    expect(shown).not.toMatch(/Lies Janssens|€|EUR|\b38\b|s9/);
    // The year whose staff time and budget it weighed is the visit's (2027), not the day it was assessed (2026).
    expect(shown).toContain('er is voldoende personeelstijd in 2027');
  });
});

describe("an event's actor as a coordinator reads it", () => {
  const submitted = { requestId: 'r1' };
  const reassessed = { requestId: 'r1', trigger: 'CONTEXT_CHANGED' };

  it("shows the reader's own municipality's coordinators and the platform as stored", () => {
    expect(actorForCoordinator(event('AccompanimentRequestSubmitted', submitted), zoersel)).toEqual({
      id: 'coordinator-11055',
      role: 'COORDINATOR',
      nisCode: '11055',
    });
    expect(actorForCoordinator(event('AccompanimentRequestAssessed', reassessed, platformActor), zoersel)).toEqual({
      id: platformActor.id,
      role: 'SYSTEM',
      nisCode: null,
    });
  });

  it("shows VVSG's people as VVSG, with their role", () => {
    for (const role of ['STAFF', 'MANAGEMENT', 'PLANNER', 'ANALYST'] as const) {
      expect(
        actorForCoordinator(event('AccompanimentAccepted', submitted, { id: 'staff-lies', role }), zoersel),
      ).toEqual({ id: vvsgActorId, role, nisCode: null });
    }
  });

  it("shows another municipality's coordinator who set off a reassessment stored before issue 15 as the platform", () => {
    const legacy = event('AccompanimentRequestAssessed', reassessed, coordinatorOf('13014'));
    expect(actorForCoordinator(legacy, zoersel)).toEqual({ id: platformActor.id, role: 'SYSTEM', nisCode: null });
  });

  it("shows another municipality's coordinator anywhere else as another municipality, unnamed", () => {
    for (const e of [
      event('AccompanimentRequestAssessed', { ...reassessed, trigger: 'SUBMITTED' }, coordinatorOf('13014')),
      event('AccompanimentRequestAmended', submitted, coordinatorOf('13014')),
      event('AccompanimentRequestAmended', submitted, { id: 'coordinator-without-municipality', role: 'COORDINATOR' }),
    ]) {
      expect(actorForCoordinator(e, zoersel)).toEqual({
        id: otherMunicipalityActorId,
        role: 'COORDINATOR',
        nisCode: null,
      });
    }
  });
});

describe("an event's correlation and causation as a coordinator reads them", () => {
  it('are as stored for their own municipality and the platform', () => {
    for (const actor of [coordinatorOf('11055'), platformActor]) {
      const e = event('AccompanimentRequestAssessed', {}, actor);
      expect(idsForCoordinator(e, zoersel)).toEqual({ correlationId: e.correlationId, causationId: e.causationId });
    }
  });

  it("are stable references that name no one for VVSG's and other municipalities' events", () => {
    for (const actor of [coordinatorOf('13014'), { id: 'staff-lies', role: 'STAFF' } as const]) {
      const e = event('AccompanimentAccepted', {}, actor);
      const ids = idsForCoordinator(e, zoersel);
      expect(ids.correlationId).toMatch(/^ref-[0-9a-f]{32}$/);
      expect(JSON.stringify(ids)).not.toContain(actor.id);
      // The same id, the same reference: the events of one conversation still go together.
      expect(ids.causationId).toBe(ids.correlationId);
      expect(idsForCoordinator({ ...e, causationId: 'other' }, zoersel).causationId).not.toBe(ids.correlationId);
    }
  });
});

describe('the sentence an audit entry carries', () => {
  it('says a reassessment because the visits in the region changed is one, in Dutch and English', () => {
    expect(auditSummary({ type: 'AccompanimentRequestAssessed', data: { trigger: 'CONTEXT_CHANGED' } })).toEqual({
      nl: 'Herbeoordeeld omdat de bezoeken in de regio veranderden.',
      en: 'Reassessed because the visits in the region changed.',
    });
  });

  it('is absent where the type says it all', () => {
    for (const trigger of ['SUBMITTED', 'AMENDED', 'REQUESTED'])
      expect(auditSummary({ type: 'AccompanimentRequestAssessed', data: { trigger } })).toBeNull();
    expect(auditSummary({ type: 'AccompanimentAccepted', data: { trigger: 'CONTEXT_CHANGED' } })).toBeNull();
  });
});

import { z } from 'zod';
import { Days, AmountEur, Id, LocalDate, NisCode, NonEmptyText } from '../codes.js';
import { defineEvent } from '../event.js';
import { Programmes } from '../vocabularies/misc.js';
import { MissionTypes } from '../vocabularies/missionTypes.js';
import { PolicyDomains } from '../vocabularies/policyDomains.js';
import { AdditionalReasons, DeclineReasons, Decisions } from '../vocabularies/reasons.js';
import { assessedV1ToV2 } from './assessedV1.js';

const Contact = z.strictObject({
  personId: Id,
  name: NonEmptyText(200),
  email: z.email('expected an email address').optional(),
});

const Reasons = z.array(AdditionalReasons.schema).max(6);
const Domains = z.array(PolicyDomains.schema).max(20);
const DelegationSize = z
  .number()
  .int()
  .min(1, 'a delegation has at least one member')
  .max(60, 'a delegation has at most 60 members');

function datesInOrder(d: { startDate?: string | undefined; endDate?: string | undefined }): boolean {
  return d.startDate === undefined || d.endDate === undefined || d.startDate <= d.endDate;
}
const datesInOrderRule = { error: 'the end date lies before the start date', path: ['endDate'] };

/** Version 1 held a single policy domain; version 2 holds a list. */
interface SubmittedV1 {
  readonly policyDomain?: string;
  readonly [field: string]: unknown;
}

export const AccompanimentRequestSubmitted = defineEvent({
  type: 'AccompanimentRequestSubmitted',
  version: 2,
  aggregate: 'request',
  description: 'A municipality asked that a VVSG staff member accompanies its delegation on a work visit.',
  schema: z
    .strictObject({
      requestId: Id,
      twinningId: Id,
      nisCode: NisCode,
      missionType: MissionTypes.schema,
      startDate: LocalDate,
      endDate: LocalDate,
      delegationSize: DelegationSize,
      programme: Programmes.schema.optional(),
      policyDomains: Domains,
      claimedReasons: Reasons,
      notes: z.string().max(4000).optional(),
      contact: Contact.optional(),
      /** Set when the request follows VVSG's advice to ask for accompaniment. */
      adviceId: Id.optional(),
    })
    .refine(datesInOrder, datesInOrderRule),
  personalData: [
    { subject: 'contact.personId', fields: ['contact.name', 'contact.email', 'notes'] },
    // Notes of a request without a contact person: the request's document key.
    { subject: 'requestId', fields: ['notes'] },
  ],
  upcasters: {
    1: (data: SubmittedV1) => {
      const { policyDomain, ...rest } = data;
      return { ...rest, policyDomains: policyDomain ? [policyDomain] : [] };
    },
  },
});

export const AccompanimentRequestAmended = defineEvent({
  type: 'AccompanimentRequestAmended',
  aggregate: 'request',
  description: 'The municipality changed its undecided request; only the changed fields are present.',
  schema: z
    .strictObject({
      requestId: Id,
      missionType: MissionTypes.schema.optional(),
      startDate: LocalDate.optional(),
      endDate: LocalDate.optional(),
      delegationSize: DelegationSize.optional(),
      policyDomains: Domains.optional(),
      claimedReasons: Reasons.optional(),
      notes: z.string().max(4000).optional(),
      contactPersonId: Id.optional(),
    })
    .refine(datesInOrder, datesInOrderRule),
  personalData: [
    { subject: 'contactPersonId', fields: ['notes'] },
    { subject: 'requestId', fields: ['notes'] },
  ],
});

export const AccompanimentRequestWithdrawn = defineEvent({
  type: 'AccompanimentRequestWithdrawn',
  aggregate: 'request',
  description: 'The municipality withdrew its request.',
  schema: z.strictObject({ requestId: Id, reason: NonEmptyText(2000) }),
  personalData: [{ subject: 'requestId', fields: ['reason'] }],
});

export const AccompanimentAdvised = defineEvent({
  type: 'AccompanimentAdvised',
  aggregate: 'twinning',
  description: 'VVSG advised a municipality to ask for accompaniment of a visit; the municipality keeps the final say.',
  schema: z.strictObject({
    adviceId: Id,
    twinningId: Id,
    nisCode: NisCode,
    missionType: MissionTypes.schema.optional(),
    reasons: Reasons,
    rationale: NonEmptyText(4000),
    /** The request the advice is about, when the visit is already requested. */
    requestId: Id.optional(),
  }),
  personalData: [{ subject: 'adviceId', fields: ['rationale'] }],
});

export const AssessmentTriggers = z.enum(['SUBMITTED', 'AMENDED', 'CONTEXT_CHANGED', 'REQUESTED']);

export const AccompanimentRequestAssessed = defineEvent({
  type: 'AccompanimentRequestAssessed',
  // 2: the staff member with the most free days by id only (a staff token in the explanation, no name in the inputs).
  version: 2,
  aggregate: 'request',
  description:
    "The assessment policy's recommendation, with every input it used, so it stays explainable after the policy changes.",
  schema: z.strictObject({
    requestId: Id,
    policyVersion: NonEmptyText(40),
    trigger: AssessmentTriggers,
    recommendation: Decisions.schema,
    declineReason: DeclineReasons.schema.optional(),
    opportune: z.boolean(),
    requiredReasons: z.number().int().min(0).max(6),
    claimedReasons: Reasons,
    derivedReasons: Reasons,
    satisfiedReasons: Reasons,
    daysNeeded: Days,
    freeStaffDays: Days,
    staffTimeAvailable: z.boolean(),
    estimatedCostEur: AmountEur,
    unreservedBudgetEur: z.number(),
    budgetAvailable: z.boolean(),
    /** Every input the policy used: parameters, history, region, capacity and budget facts. */
    inputs: z.record(z.string(), z.unknown()),
    explanation: z.strictObject({ nl: z.array(z.string()), en: z.array(z.string()) }),
  }),
  // The explanation names municipalities and dates, and the staff member with the most free days by token
  // (staffTokens.ts: erasing them reaches it, the reader shows their current name); the inputs hold the
  // people of the twinning's actor changes. Version 1 held the staff member's name in both.
  personalData: [{ subject: 'requestId', fields: ['explanation', 'inputs'] }],
  // The version of the assessment policy, a code such as "2026.1".
  notPersonal: ['policyVersion'],
  upcasters: { 1: assessedV1ToV2 },
});

export const AccompanimentAccepted = defineEvent({
  type: 'AccompanimentAccepted',
  aggregate: 'request',
  description: 'VVSG accepted: a staff member will accompany the visit, which becomes a mission.',
  schema: z.strictObject({
    requestId: Id,
    missionId: Id,
    staffMemberId: Id,
    decidedOn: LocalDate,
    bookedDays: Days,
    reservedBudgetEur: AmountEur,
    note: z.string().max(4000).optional(),
    /** Set when the request is served by a joint mission: then the days and budget are this request's share of it. */
    jointMissionId: Id.optional(),
  }),
  personalData: [{ subject: 'requestId', fields: ['note'] }],
});

/**
 * The platform's answer to an acceptance that was interrupted after it took
 * staff days and budget and was not sent again within the grace period: it
 * stands on the request's stream under the interrupted command's id, so that
 * command, sent again, finds it and is refused rather than accepting without
 * the resources, which the platform gives back.
 */
export const AccompanimentAcceptanceAbandoned = defineEvent({
  type: 'AccompanimentAcceptanceAbandoned',
  aggregate: 'request',
  description:
    'An acceptance interrupted halfway was not completed: the platform gave back the staff days and budget it had taken; the request stays undecided.',
  schema: z.strictObject({ requestId: Id, reason: NonEmptyText(1000) }),
  // Written by the platform: which command was interrupted and what was given back, ids only.
  notPersonal: ['reason'],
});

export const AccompanimentDeclined = defineEvent({
  type: 'AccompanimentDeclined',
  aggregate: 'request',
  description: 'VVSG declined the request on one of its three grounds.',
  schema: z.strictObject({
    requestId: Id,
    reason: DeclineReasons.schema,
    decidedOn: LocalDate,
    note: NonEmptyText(4000),
  }),
  personalData: [{ subject: 'requestId', fields: ['note'] }],
});

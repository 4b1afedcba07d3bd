import { z } from 'zod';
import {
  AmountEur,
  CountryCode,
  Id,
  LocalDate,
  MAX_INVITED_MUNICIPALITIES,
  NisCode,
  NonEmptyText,
  RegionCode,
} from '../codes.js';
import { defineEvent } from '../event.js';
import { RegionalEventKinds } from '../vocabularies/misc.js';
import { MissionTypes } from '../vocabularies/missionTypes.js';
import { PolicyDomains } from '../vocabularies/policyDomains.js';

const dateOrder = { error: 'the end date lies before the start date', path: ['endDate'] };

/** What a planner proposes for a joint mission; an amendment replaces all of it. Its rationale may name people. */
const jointMissionPlan = {
  countryCode: CountryCode,
  regionCodes: z.array(RegionCode).min(1, 'name at least one region').max(20),
  missionType: MissionTypes.schema,
  startDate: LocalDate,
  endDate: LocalDate,
  requestIds: z.array(Id).max(40),
  nisCodes: z.array(NisCode).min(2, 'a joint mission involves at least two municipalities').max(40),
  rationale: NonEmptyText(4000),
  estimatedCostEur: AmountEur.optional(),
};

/** What a planner proposes for a regional event; an amendment replaces all of it. Its title may name people. */
const regionalEventPlan = {
  kind: RegionalEventKinds.schema,
  title: NonEmptyText(200),
  countryCode: CountryCode,
  regionCodes: z.array(RegionCode).min(1, 'name at least one region').max(20),
  startDate: LocalDate,
  endDate: LocalDate,
  themes: z.array(PolicyDomains.schema).max(20),
  invitedNisCodes: z.array(NisCode).max(MAX_INVITED_MUNICIPALITIES),
  estimatedCostEur: AmountEur.optional(),
};

export const JointMissionProposed = defineEvent({
  type: 'JointMissionProposed',
  aggregate: 'jointMission',
  description: 'A planner proposed one accompanied mission for several municipalities active in the same region.',
  schema: z
    .strictObject({
      jointMissionId: Id,
      ...jointMissionPlan,
    })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
  personalData: [{ subject: 'jointMissionId', fields: ['rationale'] }],
});

export const JointMissionApproved = defineEvent({
  type: 'JointMissionApproved',
  aggregate: 'jointMission',
  description:
    'Management approved a proposed joint mission: its staff are booked, its budget reserved once, its requests accepted and one mission scheduled.',
  schema: z.strictObject({
    jointMissionId: Id,
    approvedOn: LocalDate,
    staffMemberIds: z.array(Id).min(1, 'name at least one staff member').max(10),
    budgetEur: AmountEur,
    /** The one mission that serves every request of the joint mission. */
    missionId: Id,
    note: z.string().max(4000).optional(),
  }),
  personalData: [{ subject: 'jointMissionId', fields: ['note'] }],
});

export const JointMissionAmended = defineEvent({
  type: 'JointMissionAmended',
  aggregate: 'jointMission',
  description: 'A planner changed a proposed joint mission (window, requests, rationale) before it was decided.',
  schema: z
    .strictObject({ jointMissionId: Id, ...jointMissionPlan, amendedOn: LocalDate })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
  personalData: [{ subject: 'jointMissionId', fields: ['rationale'] }],
});

export const JointMissionRejected = defineEvent({
  type: 'JointMissionRejected',
  aggregate: 'jointMission',
  description: 'Management rejected a proposed joint mission; its requests stay undecided, each on its own.',
  schema: z.strictObject({ jointMissionId: Id, rejectedOn: LocalDate, reason: NonEmptyText(2000) }),
  personalData: [{ subject: 'jointMissionId', fields: ['reason'] }],
});

/** As AccompanimentAcceptanceAbandoned, for a joint mission's approval: the plan stays proposed. */
export const JointMissionApprovalAbandoned = defineEvent({
  type: 'JointMissionApprovalAbandoned',
  aggregate: 'jointMission',
  description:
    'An approval interrupted halfway was not completed: the platform gave back the staff days and budget it had taken; the joint mission stays proposed.',
  schema: z.strictObject({ jointMissionId: Id, reason: NonEmptyText(1000) }),
  // Written by the platform: which command was interrupted and what was given back, ids only.
  notPersonal: ['reason'],
});

export const RegionalEventProposed = defineEvent({
  type: 'RegionalEventProposed',
  aggregate: 'regionalEvent',
  description: 'A proactive regional conference, workshop or south-south exchange was proposed.',
  schema: z
    .strictObject({
      regionalEventId: Id,
      ...regionalEventPlan,
    })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
  personalData: [{ subject: 'regionalEventId', fields: ['title'] }],
});

export const RegionalEventApproved = defineEvent({
  type: 'RegionalEventApproved',
  aggregate: 'regionalEvent',
  description: 'Management approved a proposed regional event: its budget is reserved and the staff who go are booked.',
  schema: z.strictObject({
    regionalEventId: Id,
    approvedOn: LocalDate,
    budgetEur: AmountEur,
    staffMemberIds: z.array(Id).max(10).optional(),
    note: z.string().max(4000).optional(),
  }),
  personalData: [{ subject: 'regionalEventId', fields: ['note'] }],
});

export const RegionalEventAmended = defineEvent({
  type: 'RegionalEventAmended',
  aggregate: 'regionalEvent',
  description: 'A planner changed a proposed regional event (dates, invitees, themes) before it was decided.',
  schema: z
    .strictObject({ regionalEventId: Id, ...regionalEventPlan, amendedOn: LocalDate })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
  personalData: [{ subject: 'regionalEventId', fields: ['title'] }],
});

export const RegionalEventRejected = defineEvent({
  type: 'RegionalEventRejected',
  aggregate: 'regionalEvent',
  description: 'Management rejected a proposed regional event.',
  schema: z.strictObject({ regionalEventId: Id, rejectedOn: LocalDate, reason: NonEmptyText(2000) }),
  personalData: [{ subject: 'regionalEventId', fields: ['reason'] }],
});

/** As AccompanimentAcceptanceAbandoned, for a regional event's approval: the event stays proposed. */
export const RegionalEventApprovalAbandoned = defineEvent({
  type: 'RegionalEventApprovalAbandoned',
  aggregate: 'regionalEvent',
  description:
    'An approval interrupted halfway was not completed: the platform gave back the staff days and budget it had taken; the regional event stays proposed.',
  schema: z.strictObject({ regionalEventId: Id, reason: NonEmptyText(1000) }),
  // Written by the platform: which command was interrupted and what was given back, ids only.
  notPersonal: ['reason'],
});

import { z } from 'zod';
import { AmountEur, CountryCode, Id, LocalDate, NisCode, NonEmptyText, RegionCode } from '../codes.js';
import { defineEvent } from '../event.js';
import { RegionalEventKinds } from '../vocabularies/misc.js';
import { MissionTypes } from '../vocabularies/missionTypes.js';
import { PolicyDomains } from '../vocabularies/policyDomains.js';

const dateOrder = { error: 'the end date lies before the start date', path: ['endDate'] };

export const JointMissionProposed = defineEvent({
  type: 'JointMissionProposed',
  aggregate: 'jointMission',
  description: 'A planner proposed one accompanied mission for several municipalities active in the same region.',
  schema: z
    .strictObject({
      jointMissionId: Id,
      countryCode: CountryCode,
      regionCodes: z.array(RegionCode).min(1, 'name at least one region').max(20),
      missionType: MissionTypes.schema,
      startDate: LocalDate,
      endDate: LocalDate,
      requestIds: z.array(Id).max(40),
      nisCodes: z.array(NisCode).min(2, 'a joint mission involves at least two municipalities').max(40),
      rationale: NonEmptyText(4000),
      estimatedCostEur: AmountEur.optional(),
    })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
});

export const JointMissionApproved = defineEvent({
  type: 'JointMissionApproved',
  aggregate: 'jointMission',
  description: 'Management approved a proposed joint mission.',
  schema: z.strictObject({
    jointMissionId: Id,
    approvedOn: LocalDate,
    staffMemberIds: z.array(Id).min(1, 'name at least one staff member').max(10),
    budgetEur: AmountEur,
  }),
});

export const RegionalEventProposed = defineEvent({
  type: 'RegionalEventProposed',
  aggregate: 'regionalEvent',
  description: 'A proactive regional conference, workshop or south-south exchange was proposed.',
  schema: z
    .strictObject({
      regionalEventId: Id,
      kind: RegionalEventKinds.schema,
      title: NonEmptyText(200),
      countryCode: CountryCode,
      regionCodes: z.array(RegionCode).min(1, 'name at least one region').max(20),
      startDate: LocalDate,
      endDate: LocalDate,
      themes: z.array(PolicyDomains.schema).max(20),
      invitedNisCodes: z.array(NisCode).max(100),
      estimatedCostEur: AmountEur.optional(),
    })
    .refine((d) => d.startDate <= d.endDate, dateOrder),
});

export const RegionalEventApproved = defineEvent({
  type: 'RegionalEventApproved',
  aggregate: 'regionalEvent',
  description: 'Management approved a proposed regional event.',
  schema: z.strictObject({
    regionalEventId: Id,
    approvedOn: LocalDate,
    budgetEur: AmountEur,
  }),
});

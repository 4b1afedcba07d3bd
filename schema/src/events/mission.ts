import { z } from 'zod';
import { AmountEur, CountryCode, Days, Id, LocalDate, NisCode, NonEmptyText, RegionCode } from '../codes.js';
import { defineEvent } from '../event.js';
import { Activities } from '../vocabularies/activities.js';
import { MissionTypes } from '../vocabularies/missionTypes.js';

export const MissionScheduled = defineEvent({
  type: 'MissionScheduled',
  aggregate: 'mission',
  description:
    'An accompanied visit was scheduled: from an accepted request, or a joint regional mission for several municipalities.',
  schema: z
    .strictObject({
      missionId: Id,
      requestIds: z.array(Id).max(40),
      jointMissionId: Id.optional(),
      twinningIds: z.array(Id).min(1, 'a mission visits at least one twinning').max(40),
      nisCodes: z.array(NisCode).min(1, 'a mission involves at least one municipality').max(40),
      missionType: MissionTypes.schema,
      countryCode: CountryCode,
      regionCode: RegionCode,
      startDate: LocalDate,
      endDate: LocalDate,
      staffMemberIds: z.array(Id).min(1, 'a mission needs at least one VVSG staff member').max(10),
      bookedDays: Days,
      reservedBudgetEur: AmountEur,
      /** The budget reservation and staff bookings made for the mission, released or spent when it ends. */
      reservationId: Id.optional(),
      staffBookings: z
        .array(z.strictObject({ staffMemberId: Id, bookingId: Id }))
        .max(10)
        .optional(),
    })
    .refine((d) => d.startDate <= d.endDate, { error: 'the end date lies before the start date', path: ['endDate'] }),
});

export const MissionActivityPlanned = defineEvent({
  type: 'MissionActivityPlanned',
  aggregate: 'mission',
  description: 'An activity of the staff member was planned in the preparation, the visit or its processing.',
  schema: z.strictObject({
    missionId: Id,
    activityId: Id,
    activity: Activities.schema,
    plannedOn: LocalDate,
    staffMemberId: Id,
    note: z.string().max(2000).optional(),
  }),
  personalData: [{ subject: 'staffMemberId', fields: ['note'] }],
});

export const MissionActivityDone = defineEvent({
  type: 'MissionActivityDone',
  aggregate: 'mission',
  description: 'A planned activity took place.',
  schema: z.strictObject({
    missionId: Id,
    activityId: Id,
    doneOn: LocalDate,
    daysSpent: Days,
    note: z.string().max(4000).optional(),
  }),
  // The event names no staff member: the activity's document key.
  personalData: [{ subject: 'activityId', fields: ['note'] }],
});

export const MissionReportFiled = defineEvent({
  type: 'MissionReportFiled',
  aggregate: 'mission',
  description: "The staff member's personal report of the visit.",
  schema: z.strictObject({
    missionId: Id,
    filedOn: LocalDate,
    authorStaffMemberId: Id,
    summary: NonEmptyText(20000),
  }),
  personalData: [{ subject: 'authorStaffMemberId', fields: ['summary'] }],
});

export const MissionCompleted = defineEvent({
  type: 'MissionCompleted',
  aggregate: 'mission',
  description: 'The visit and its processing are done; used days and costs are final.',
  schema: z.strictObject({
    missionId: Id,
    completedOn: LocalDate,
    daysSpent: Days,
    costEur: AmountEur,
  }),
});

export const MissionCancelled = defineEvent({
  type: 'MissionCancelled',
  aggregate: 'mission',
  description: 'The visit will not take place; booked days and reserved budget are released.',
  schema: z.strictObject({
    missionId: Id,
    cancelledOn: LocalDate,
    reason: NonEmptyText(2000),
  }),
  personalData: [{ subject: 'missionId', fields: ['reason'] }],
});

import { z } from 'zod';
import { AmountEur, Days, Id, LocalDate, NonEmptyText, Year } from '../codes.js';
import { defineEvent } from '../event.js';
import { ContactChannels, CostCategories } from '../vocabularies/misc.js';

export const BudgetAllocated = defineEvent({
  type: 'BudgetAllocated',
  aggregate: 'budget',
  description: "The programme budget for accompaniment in a year was set (each allocation adds to the year's total).",
  schema: z.strictObject({ year: Year, amountEur: AmountEur, note: z.string().max(2000).optional() }),
  // Management's note on a budget round ("Tweede schijf na de begrotingsaanpassing"): about funding, and a
  // year's budget has no record id of its own to key a document by.
  notPersonal: ['note'],
});

export const BudgetReserved = defineEvent({
  type: 'BudgetReserved',
  aggregate: 'budget',
  description: 'Budget was reserved for an accepted request or an approved joint mission or event.',
  schema: z.strictObject({
    year: Year,
    reservationId: Id,
    amountEur: AmountEur,
    missionId: Id.optional(),
    requestId: Id.optional(),
    regionalEventId: Id.optional(),
    /** The joint mission whose approval took it: the platform's recovery finds the approval by it. */
    jointMissionId: Id.optional(),
  }),
});

export const BudgetReleased = defineEvent({
  type: 'BudgetReleased',
  aggregate: 'budget',
  description: 'A reservation (or what is left of it) was given back.',
  schema: z.strictObject({
    year: Year,
    reservationId: Id,
    amountEur: AmountEur,
    reason: NonEmptyText(1000),
  }),
  // Written by the platform: which mission was completed or cancelled, or why a decision failed.
  notPersonal: ['reason'],
});

export const CostRecorded = defineEvent({
  type: 'CostRecorded',
  aggregate: 'budget',
  description: 'A real cost was booked against the budget, usually against a reservation.',
  schema: z.strictObject({
    year: Year,
    costId: Id,
    reservationId: Id.optional(),
    missionId: Id.optional(),
    amountEur: AmountEur,
    category: CostCategories.schema,
    incurredOn: LocalDate,
    note: z.string().max(2000).optional(),
  }),
  personalData: [{ subject: 'costId', fields: ['note'] }],
});

export const StaffMemberRegistered = defineEvent({
  type: 'StaffMemberRegistered',
  aggregate: 'staff',
  description: 'A VVSG staff member who can accompany visits.',
  schema: z.strictObject({
    staffMemberId: Id,
    name: NonEmptyText(200),
    email: z.email('expected an email address').optional(),
  }),
  personalData: [{ subject: 'staffMemberId', fields: ['name', 'email'] }],
});

export const StaffCapacityDeclared = defineEvent({
  type: 'StaffCapacityDeclared',
  aggregate: 'staff',
  description:
    'The days a staff member can spend on accompaniment per year, from `year` on, until a later declaration replaces it.',
  schema: z.strictObject({
    staffMemberId: Id,
    year: Year,
    days: Days.refine((d) => d <= 366, 'a year has at most 366 days'),
  }),
});

export const StaffDaysBooked = defineEvent({
  type: 'StaffDaysBooked',
  aggregate: 'staff',
  description: 'Days of a staff member were booked to prepare, accompany and process a visit.',
  schema: z.strictObject({
    staffMemberId: Id,
    year: Year,
    bookingId: Id,
    days: Days,
    missionId: Id.optional(),
    requestId: Id.optional(),
    regionalEventId: Id.optional(),
    /** The joint mission whose approval took it: the platform's recovery finds the approval by it. */
    jointMissionId: Id.optional(),
  }),
});

export const StaffDaysReleased = defineEvent({
  type: 'StaffDaysReleased',
  aggregate: 'staff',
  description: 'Booked days were given back (cancelled mission, fewer days used).',
  schema: z.strictObject({
    staffMemberId: Id,
    year: Year,
    bookingId: Id,
    days: Days,
    reason: NonEmptyText(1000),
  }),
  // Written by the platform: which mission was completed or cancelled, or why a decision failed.
  notPersonal: ['reason'],
});

export const ContactLogged = defineEvent({
  type: 'ContactLogged',
  aggregate: 'twinning',
  description: 'A conversation with a municipality or partner: the golden rule is personal contact.',
  schema: z.strictObject({
    contactId: Id,
    twinningId: Id,
    requestId: Id.optional(),
    contactedOn: LocalDate,
    channel: ContactChannels.schema,
    person: z.strictObject({
      personId: Id,
      name: NonEmptyText(200),
      function: z.string().max(200).optional(),
    }),
    staffMemberId: Id,
    summary: NonEmptyText(8000),
  }),
  personalData: [{ subject: 'person.personId', fields: ['person.name', 'person.function', 'summary'] }],
});

import { z } from 'zod';
import { CountryCode, Id, LocalDate, NisCode, NonEmptyText, RegionCode } from '../codes.js';
import { defineEvent } from '../event.js';
import { ActorKinds, Programmes, Provinces, TwinningSides } from '../vocabularies/misc.js';
import { PolicyDomains } from '../vocabularies/policyDomains.js';

const Person = z.strictObject({
  personId: Id,
  name: NonEmptyText(200),
  email: z.email('expected an email address').optional(),
});

export const MunicipalityRegistered = defineEvent({
  type: 'MunicipalityRegistered',
  aggregate: 'municipality',
  description: 'A Flemish municipality joined the platform, identified by its NIS code.',
  schema: z.strictObject({
    nisCode: NisCode,
    name: NonEmptyText(120),
    province: Provinces.schema,
  }),
  // The official name of a public body.
  notPersonal: ['name'],
});

export const TwinningEstablished = defineEvent({
  type: 'TwinningEstablished',
  aggregate: 'twinning',
  description: 'A city twinning (stedenband) between a Flemish municipality and a partner in the global South.',
  schema: z
    .strictObject({
      twinningId: Id,
      nisCode: NisCode,
      partnerName: NonEmptyText(160),
      countryCode: CountryCode,
      regionCode: RegionCode,
      since: LocalDate,
      programme: Programmes.schema.optional(),
      policyDomains: z.array(PolicyDomains.schema).max(20),
    })
    .refine((d) => d.regionCode.startsWith(`${d.countryCode}-`), {
      error: (issue) => {
        const d = issue.input as { regionCode: string; countryCode: string };
        return `region ${d.regionCode} does not lie in country ${d.countryCode}`;
      },
      path: ['regionCode'],
    }),
  // The name of the partner town or local government.
  notPersonal: ['partnerName'],
});

export const TwinningActorChanged = defineEvent({
  type: 'TwinningActorChanged',
  aggregate: 'twinning',
  description: 'An actor of the twinning was renewed: a new coordinator, coalition, mayor…, in the North or the South.',
  schema: z.strictObject({
    twinningId: Id,
    side: TwinningSides.schema,
    actorKind: ActorKinds.schema,
    changedOn: LocalDate,
    description: NonEmptyText(1000),
    person: Person.optional(),
  }),
  personalData: [
    { subject: 'person.personId', fields: ['person.name', 'person.email', 'description'] },
    // A change that names no person in a field of its own: the description may name one all the same.
    { subject: 'twinningId', fields: ['description'] },
  ],
});

export const TwinningEnded = defineEvent({
  type: 'TwinningEnded',
  aggregate: 'twinning',
  description: 'The twinning stopped (e.g. when federal funding for the country ended).',
  schema: z.strictObject({
    twinningId: Id,
    endedOn: LocalDate,
    reason: NonEmptyText(1000),
  }),
  personalData: [{ subject: 'twinningId', fields: ['reason'] }],
});

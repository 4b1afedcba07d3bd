import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.js';
import { LocalizedLabel } from './policyDomain.type.js';

@ObjectType({
  description:
    'Who caused an event: a user in a role, or the platform itself (SYSTEM). A coordinator reads VVSG\'s people as "VVSG" (with their role) and another municipality\'s coordinator as "another-municipality".',
})
export class AuditActor {
  @Field(() => String)
  id!: string;

  @Field(() => String, { description: 'A role, or SYSTEM.' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'The municipality a coordinator acted for.' })
  nisCode!: string | null;
}

@ObjectType({ description: 'One recorded event of an aggregate: what happened, when, by whom and why.' })
export class AuditEntry {
  @Field(() => String, { description: 'The global position in the event log, as a decimal string.' })
  position!: string;

  @Field(() => Int, { description: '0-based revision within the stream.' })
  revision!: number;

  @Field(() => ID)
  eventId!: string;

  @Field(() => String, { description: 'The event type, e.g. "AccompanimentRequested".' })
  type!: string;

  @Field(() => Int)
  schemaVersion!: number;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  occurredAt!: string;

  @Field(() => String, { description: 'ISO 8601 instant at which the store recorded it.' })
  recordedAt!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => String)
  correlationId!: string;

  @Field(() => String, { description: 'The command or event that caused it.' })
  causationId!: string;

  @Field(() => String, {
    description:
      "The event's data as JSON; for a coordinator, only the fields a coordinator may read (no staff, days free, amounts or the assessment's inputs).",
  })
  data!: string;

  @Field(() => [String], {
    description: "The data fields left out for this reader, VVSG's internal data; empty for VVSG's roles.",
  })
  withheld!: string[];

  @Field(() => LocalizedLabel, {
    nullable: true,
    description:
      'What happened, in a sentence, where the type alone does not say it: "Reassessed because the visits in the region changed."',
  })
  summary!: LocalizedLabel | null;
}

export const AuditEntryConnection = ConnectionOf('AuditEntry', AuditEntry);

import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataSubjectKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@ObjectType({ description: 'How long one kind of personal data is kept.' })
export class RetentionPeriod {
  @Field(() => DataSubjectKind)
  kind!: string;

  @Field(() => Int, { nullable: true, description: 'Whole years; null keeps it without a limit.' })
  years!: number | null;

  @Field(() => String, {
    description:
      'What the years count from: LAST_NAMED (the last event naming them), RECORD_END (the end of the record they are named in) or OUT_OF_OFFICE (the day they left a twinning office).',
  })
  basis!: string;
}

@ObjectType({ description: 'Where one kind a subject is named as stands against its period.' })
export class RetentionKindStatus {
  @Field(() => DataSubjectKind)
  kind!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the period does not run (in office).' })
  retentionFrom!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day past the period; null when kept.' })
  expiresOn!: string | null;
}

@ObjectType({ description: 'A data subject past retention: ids, kinds and dates; displayName decrypts their name.' })
export class RetentionCandidate {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => [RetentionKindStatus])
  kinds!: RetentionKindStatus[];

  @Field(() => LocalDateScalar, { description: 'The first day past the period of every kind they are named as.' })
  expiresOn!: string;

  @Field(() => Int, { description: 'The events that name them: their fields read as erased afterwards.' })
  eventCount!: number;

  @Field(() => String, { description: 'ISO 8601 instant of the last event naming them.' })
  lastSeenAt!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An erasure management requested that awaits confirmation: retention leaves the subject to it.',
  })
  pendingErasureId!: string | null;
}

@ObjectType({ description: 'How many subjects past retention are named as one kind.' })
export class RetentionKindCount {
  @Field(() => DataSubjectKind)
  kind!: string;

  @Field(() => Int)
  subjects!: number;
}

@ObjectType({
  description:
    'Who is past retention today, what the retention job or `pnpm privacy:retention --apply` would erase (SYSTEM, RETENTION_EXPIRED).',
})
export class RetentionReport {
  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => [RetentionPeriod])
  periods!: RetentionPeriod[];

  @Field(() => [RetentionCandidate], { description: 'The longest expired first.' })
  due!: RetentionCandidate[];

  @Field(() => [RetentionKindCount])
  byKind!: RetentionKindCount[];

  @Field(() => Int, { description: 'How many events name the subjects due.' })
  events!: number;
}

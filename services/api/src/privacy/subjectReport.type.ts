import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataSubjectKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@ObjectType({ description: 'A kind a data subject is named as, and the day its retention period counts from.' })
export class DataSubjectKindEntry {
  @Field(() => DataSubjectKind)
  kind!: string;

  @Field(() => String, {
    description:
      'What retention counts from: LAST_NAMED (the last event naming them), RECORD_END (the end of the record they are named in) or OUT_OF_OFFICE (the day they left a twinning office).',
  })
  basis!: string;

  @Field(() => String, { description: 'ISO 8601 instant of the first event naming them as this kind.' })
  firstSeenAt!: string;

  @Field(() => String, { description: 'ISO 8601 instant of the last event naming them as this kind.' })
  lastSeenAt!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the period does not run (in office).' })
  retentionFrom!: string | null;
}

@ObjectType({ description: 'An event that names the data subject, decrypted, with other people hidden.' })
export class DataSubjectReportEvent {
  @Field(() => String, { description: 'The global position in the event log, as a decimal string.' })
  position!: string;

  @Field(() => String)
  streamId!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => String)
  type!: string;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  occurredAt!: string;

  @Field(() => String, { description: 'The role of who caused it, or SYSTEM; never their id.' })
  actorRole!: string;

  @Field(() => [DataSubjectKind], { description: 'The kinds the event names the subject as.' })
  kinds!: string[];

  @Field(() => [String], { description: "The paths of the subject's own personal fields in the data." })
  fields!: string[];

  @Field(() => String, {
    description:
      'The event\'s data as JSON, decrypted; other people\'s personal fields and ids read "[andere persoon]", another record\'s text "[ander document]".',
  })
  data!: string;
}

@ObjectType({ description: 'A column of a read-model row that mentions the data subject.' })
export class DataSubjectReportColumn {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Its value as JSON; a JSON list keeps only the entries that mention them.' })
  value!: string;
}

@ObjectType({ description: "A read-model row that holds the data subject's id or one of their values." })
export class DataSubjectReportRow {
  @Field(() => String, { description: 'The read model (projection) that writes it.' })
  readModel!: string;

  @Field(() => String)
  table!: string;

  @Field(() => String, { description: "The row's key columns and values, as a JSON object." })
  key!: string;

  @Field(() => [DataSubjectReportColumn])
  columns!: DataSubjectReportColumn[];
}

@ObjectType({
  description:
    'Everything the platform holds about one data subject, for a subject access request (inzageverzoek, GDPR art. 15).',
})
export class DataSubjectReport {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => String, { description: 'ISO 8601 instant the report was made.' })
  generatedAt!: string;

  @Field(() => [DataSubjectKindEntry])
  kinds!: DataSubjectKindEntry[];

  @Field(() => String)
  firstSeenAt!: string;

  @Field(() => String)
  lastSeenAt!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day their data was erased, if it was.' })
  erasedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The latest name the log gives them, or the document’s title; null when none does or once erased.',
  })
  displayName!: string | null;

  @Field(() => [DataSubjectReportEvent])
  events!: DataSubjectReportEvent[];

  @Field(() => [DataSubjectReportRow])
  readModelRows!: DataSubjectReportRow[];

  @Field(() => String, { description: 'The whole report as one JSON document, to hand to the person.' })
  json!: string;

  @Field(() => String, { description: 'A file name for the JSON document.' })
  fileName!: string;
}

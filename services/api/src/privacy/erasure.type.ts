import type { DataSubjectKind as Kind, ErasureReason as Reason, ErasureStatus as Status } from '@werkbezoek/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { DataSubjectKind, ErasureReason, ErasureStatus } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@ObjectType({
  description:
    'The erasure of a data subject: requested by management, confirmed by a second person in the STAFF role. It names the person by id and kind only, never by their data.',
})
export class DataSubjectErasure {
  @Field(() => ID, { description: 'The erasure id.' })
  id!: string;

  @Field(() => ID, { description: "The data subject's pseudonymous id (a person's or a record's UUID)." })
  subjectId!: string;

  @Field(() => DataSubjectKind)
  subjectKind!: Kind;

  @Field(() => ErasureReason)
  reason!: Reason;

  @Field(() => String, {
    nullable: true,
    description: 'The case number in the register of requests, e.g. AVG-2026-0142.',
  })
  caseReference!: string | null;

  @Field(() => ErasureStatus)
  status!: Status;

  @Field(() => LocalDateScalar)
  requestedOn!: string;

  @Field(() => String, {
    description: 'The role of who requested it (MANAGEMENT, or SYSTEM for retention); never their id.',
  })
  requestedByRole!: string;

  @Field(() => Boolean, {
    description: 'True when the viewer requested it: then they may not confirm it; a second person must.',
  })
  requestedByViewer!: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was confirmed (ERASED) or cancelled.' })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The role of who confirmed or cancelled it; never their id.' })
  decidedByRole!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The log position of the erasure (a decimal string): the read models reflect it once readModelPosition reaches it and readModelsPurgedAt is set.',
  })
  erasedPosition!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When every read model holding personal data had been rebuilt without the erased values (an ISO 8601 instant); null until then.',
  })
  readModelsPurgedAt!: string | null;
}

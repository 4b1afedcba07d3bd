import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { DataSubjectErasure } from './erasure.type.js';
import { RetentionCandidate } from './retention.type.js';
import { subjectDisplayName } from './subjectReport.js';

const description =
  'The latest name the log gives the person, or the document’s title, decrypted: what a privacy officer recognises them by. Null when their events hold no name (a request’s notes) or once they are erased.';

/**
 * Names beside the ids of the privacy pages' lists, read from the subject's
 * own events only when asked for (the parent queries are for management and
 * staff, who may read them).
 */
@Resolver(() => DataSubjectErasure)
export class ErasureSubjectNameResolver {
  @FieldResolver(() => String, { nullable: true, description })
  subjectName(@Root() erasure: DataSubjectErasure, @Ctx() context: ApiContext): Promise<string | null> {
    return subjectDisplayName(context.services, erasure.subjectId);
  }
}

@Resolver(() => RetentionCandidate)
export class RetentionCandidateNameResolver {
  @FieldResolver(() => String, { nullable: true, description })
  displayName(@Root() candidate: RetentionCandidate, @Ctx() context: ApiContext): Promise<string | null> {
    return subjectDisplayName(context.services, candidate.subjectId);
  }
}

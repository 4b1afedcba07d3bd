import type { PrivacyHandlers } from '@werkbezoek/domain';
import { getErasure, listErasures, type ErasureView, type ErasuresDb } from '@werkbezoek/projections';
import {
  Id,
  NotFoundError,
  ValidationError,
  type ErasureReason as Reason,
  type ErasureStatus as Status,
  type DataSubjectKind as Kind,
} from '@werkbezoek/schema';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, authorizeMutation } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import { ErasureReason, ErasureStatus } from '../graphql/enums.js';
import { DataSubjectErasure } from './erasure.type.js';

/** How long confirming waits for the projector to rebuild the read models before it answers without. */
const PURGE_WAIT_MS = 15_000;

function toErasure(view: ErasureView, context: ApiContext): DataSubjectErasure {
  return {
    id: view.erasureId,
    subjectId: view.subjectId,
    subjectKind: view.subjectKind as Kind,
    reason: view.reason as Reason,
    caseReference: view.caseReference,
    status: view.status,
    requestedOn: view.requestedOn,
    requestedByRole: view.requestedByRole,
    requestedByViewer: view.requestedBy === context.principal.id,
    decidedOn: view.decidedOn,
    decidedByRole: view.decidedByRole,
    erasedPosition: view.erasedPosition === null ? null : String(view.erasedPosition),
    readModelsPurgedAt: view.purgedAt,
  };
}

function privacy(context: ApiContext): PrivacyHandlers {
  const handlers = context.services.privacy;
  if (!handlers) throw new GraphQLError('Erasure is not available: this server was started without a key store');
  return handlers;
}

/** The erasure from the read models; a malformed or unknown id is the user's error, with how to find the right one. */
async function erasure(context: ApiContext, erasureId: string): Promise<ErasureView> {
  if (!Id.safeParse(erasureId).success) {
    throw new ValidationError(
      `erasureId: ${JSON.stringify(erasureId)} is not an erasure id (a lowercase UUID); dataSubjectErasures lists them`,
      ['erasureId'],
    );
  }
  const found = await getErasure(views<ErasuresDb>(context), erasureId);
  if (!found) throw new NotFoundError(`No erasure ${erasureId}; dataSubjectErasures lists them`);
  return found;
}

/** The rebuild runs in the projector after the read models reach the erasure: wait for it, for a while. */
async function purged(context: ApiContext, erasureId: string): Promise<ErasureView> {
  const deadline = Date.now() + PURGE_WAIT_MS;
  for (;;) {
    const view = await erasure(context, erasureId);
    if (view.purgedAt !== null || view.status !== 'ERASED' || Date.now() >= deadline) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The erasure of a data subject (issue 15): management requests it with a
 * reason code, a second person in the STAFF role confirms it, and then the
 * person's key is deleted and every read model holding personal data is
 * rebuilt, so their data reads as "[gewist]" everywhere. Nothing here names
 * the person: ids, kinds, codes, dates and roles.
 */
@Resolver()
export class ErasureResolver {
  @Query(() => [DataSubjectErasure], {
    description:
      'Erasures of data subjects, the most recently requested first: for management and staff. Ids, kinds, reasons, dates and roles only.',
  })
  async dataSubjectErasures(
    @Arg('status', () => [ErasureStatus], { nullable: true, description: 'Any of these; all without.' })
    status: Status[] | null,
    @Ctx() context: ApiContext,
  ): Promise<DataSubjectErasure[]> {
    authorize(context.principal, 'readErasures');
    const rows = await listErasures(views<ErasuresDb>(context), status ? { status } : {});
    return rows.map((r) => toErasure(r, context));
  }

  @Mutation(() => DataSubjectErasure, {
    description:
      "Management asks to erase a person's personal data (their key is deleted: every event's personal fields read as erased). Nothing happens until a second person in the STAFF role confirms it.",
  })
  async eraseDataSubject(
    @Arg('subjectId', () => ID, {
      description:
        "The person's id (a staff member's, a request's contact person's…) or a record's with text of its own.",
    })
    subjectId: string,
    @Arg('reason', () => ErasureReason) reason: Reason,
    @Arg('caseReference', () => String, {
      nullable: true,
      description: 'The case number in the register of requests, e.g. AVG-2026-0142; needed for the reason OTHER.',
    })
    caseReference: string | null,
    @Ctx() context: ApiContext,
  ): Promise<DataSubjectErasure> {
    authorizeMutation(context.principal, 'eraseDataSubject');
    const result = await execute(context, (meta) =>
      privacy(context).requestErasure({ subjectId, reason, ...(caseReference ? { caseReference } : {}) }, meta),
    );
    return toErasure(await erasure(context, result.id), context);
  }

  @Mutation(() => DataSubjectErasure, {
    description:
      'A second person (STAFF, not the requester) confirms an erasure: the key is deleted at once and the read models are rebuilt; the answer comes when they are (readModelsPurgedAt), or after 15 s with it still null. It cannot be undone; confirming again changes nothing.',
  })
  async confirmDataSubjectErasure(
    @Arg('erasureId', () => ID) erasureId: string,
    @Ctx() context: ApiContext,
  ): Promise<DataSubjectErasure> {
    authorizeMutation(context.principal, 'confirmDataSubjectErasure');
    const { subjectId } = await erasure(context, erasureId);
    await execute(context, (meta) => privacy(context).confirmErasure({ erasureId, subjectId }, meta));
    return toErasure(await purged(context, erasureId), context);
  }

  @Mutation(() => DataSubjectErasure, { description: 'Management withdraws an erasure before it is confirmed.' })
  async cancelDataSubjectErasure(
    @Arg('erasureId', () => ID) erasureId: string,
    @Ctx() context: ApiContext,
  ): Promise<DataSubjectErasure> {
    authorizeMutation(context.principal, 'cancelDataSubjectErasure');
    const { subjectId } = await erasure(context, erasureId);
    await execute(context, (meta) => privacy(context).cancelErasure({ erasureId, subjectId }, meta));
    return toErasure(await erasure(context, erasureId), context);
  }
}

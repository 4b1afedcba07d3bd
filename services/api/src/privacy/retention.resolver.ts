import { retentionBasis } from '@werkbezoek/projections';
import type { DataSubjectKind } from '@werkbezoek/schema';
import { Ctx, Query, Resolver } from 'type-graphql';
import { today } from '../analytics/today.js';
import { authorize } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { retentionReport } from './retention.js';
import { DEFAULT_RETENTION } from './retentionJob.js';
import { RetentionReport } from './retention.type.js';

@Resolver()
export class RetentionResolver {
  @Query(() => RetentionReport, {
    description:
      'The data subjects past their retention period today, with the periods that apply: what the daily retention job (RETENTION_JOB=apply) or `pnpm privacy:retention --apply` would erase. Management.',
  })
  async retentionReport(@Ctx() context: ApiContext): Promise<RetentionReport> {
    authorize(context.principal, 'retention');
    const periods = context.services.retention ?? DEFAULT_RETENTION.periods;
    const report = await retentionReport(context.services.readModels, periods, today(context));
    return {
      asOf: report.asOf,
      periods: (Object.keys(periods) as DataSubjectKind[]).map((kind) => ({
        kind,
        years: periods[kind],
        basis: retentionBasis[kind],
      })),
      due: report.due.map((s) => ({
        subjectId: s.subjectId,
        kinds: s.kinds.map((k) => ({ kind: k.kind, retentionFrom: k.retentionFrom, expiresOn: k.expiresOn })),
        expiresOn: s.expiresOn!,
        eventCount: s.eventCount,
        lastSeenAt: s.lastSeenAt,
        pendingErasureId: s.pendingErasureId,
      })),
      byKind: report.byKind.map((k) => ({ ...k })),
      events: report.events,
    };
  }
}

import { dashboardMetrics, type DashboardCounts as CountsView } from '@werkbezoek/projections';
import { ValidationError, type MissionType as MissionTypeCode } from '@werkbezoek/schema';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { MissionType } from '../graphql/enums.js';
import { Dashboard, type DashboardCounts } from './dashboard.type.js';

const QUARTER = /^\d{4}-Q[1-4]$/;

function checkQuarter(value: string, field: string): void {
  if (!QUARTER.test(value))
    throw new ValidationError(`${field} "${value}" is not a quarter: write it as YYYY-Qn, e.g. 2026-Q1`, [field]);
}

function counts(c: CountsView): DashboardCounts {
  return {
    ...c,
    declinedByReason: Object.entries(c.declinedByReason).map(([reason, count]) => ({ reason, count })),
  };
}

@Resolver()
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      'Requests submitted per quarter and mission type: accepted, declined by reason, withdrawn, agreement with the assessment, median days to a decision.',
  })
  async dashboard(
    @Arg('fromQuarter', () => String, { description: 'YYYY-Qn, e.g. 2026-Q1.' }) fromQuarter: string,
    @Arg('toQuarter', () => String, { description: 'YYYY-Qn, included.' }) toQuarter: string,
    @Ctx() context: ApiContext,
    @Arg('missionType', () => MissionType, { nullable: true }) missionType?: MissionTypeCode | null,
    @Arg('countryCode', () => String, {
      nullable: true,
      description: 'Only requests for visits to this country (ISO 3166-1 alpha-2).',
    })
    countryCode?: string | null,
  ): Promise<Dashboard> {
    authorize(context.principal, 'readAll');
    checkQuarter(fromQuarter, 'fromQuarter');
    checkQuarter(toQuarter, 'toQuarter');
    const metrics = await dashboardMetrics(context.services.readModels, {
      fromQuarter,
      toQuarter,
      ...(missionType ? { missionType } : {}),
      ...(countryCode ? { countryCode } : {}),
    });
    return {
      rows: metrics.rows.map((r) => ({ ...counts(r), quarter: r.quarter, missionType: r.missionType })),
      byQuarter: metrics.byQuarter.map((q) => ({ ...counts(q), quarter: q.quarter })),
      totals: counts(metrics.totals),
    };
  }
}

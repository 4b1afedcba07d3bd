import { getAccompanimentHistory, listCoverage, type HistoryDb, type VisitView } from '@werkbezoek/projections';
import { NotFoundError } from '@werkbezoek/schema';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { authorizeRead } from '../registry/registry.load.js';
import { StaffRef } from '../registry/registry.type.js';
import { AccompanimentHistory, Coverage, Visit } from './history.type.js';
import { today } from './today.js';

const db = (context: ApiContext) => views<HistoryDb>(context);

function toVisit(v: VisitView): Visit {
  return {
    id: v.visitId,
    kind: v.kind,
    requestId: v.requestId,
    missionId: v.missionId,
    jointMissionId: v.jointMissionId,
    missionType: v.missionType,
    startDate: v.startDate,
    endDate: v.endDate,
    status: v.status,
    missionStatus: v.missionStatus,
    accompanied: v.accompanied,
    staff: v.staff.map((s) => ({ id: s.staffMemberId, name: s.name })),
    staffNames: v.staff.flatMap((s) => (s.name === null ? [] : [s.name])),
    declineReason: v.declineReason,
    submittedOn: v.submittedOn,
    decidedOn: v.decidedOn,
    completedOn: v.completedOn,
  };
}

@Resolver()
export class HistoryResolver {
  @Query(() => AccompanimentHistory, {
    description: "A municipality's accompaniment history as of today; a coordinator may read their own municipality's.",
  })
  async accompanimentHistory(
    @Arg('nisCode', () => String) nisCode: string,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentHistory> {
    authorizeRead(context, nisCode);
    const history = await getAccompanimentHistory(db(context), nisCode, { today: today(context) });
    if (!history) throw new NotFoundError(`Municipality ${nisCode} is not registered and has no visits`);
    return { ...history, visits: history.visits.map(toVisit), declineReasons: [...history.declineReasons] };
  }

  @Query(() => [Coverage], {
    description: 'Every municipality by how long ago it was last accompanied: never accompanied first.',
  })
  async coverage(@Ctx() context: ApiContext): Promise<Coverage[]> {
    authorize(context.principal, 'readAll');
    return listCoverage(db(context), { today: today(context) });
  }
}

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => [StaffRef])
  staff(@Root() visit: Visit, @Ctx() context: ApiContext): StaffRef[] {
    authorize(context.principal, 'readAll');
    return visit.staff;
  }
}

import {
  getJointMissionById,
  getPlanningHistory,
  getRegionalEventById,
  getRequestById,
  listJointMissions,
  listRegionalEvents,
  type JointMissionView,
  type PlanningDb,
  type RegionalEventView,
  type RequestsDb,
} from '@werkbezoek/projections';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { pageSize, toConnection, type Connection } from '../graphql/connection.js';
import { findMission } from '../missions/mission.load.js';
import { toMission } from '../missions/mission.map.js';
import { withoutNulls } from '../registry/withoutNulls.js';
import { explanationsOf, toAccompanimentRequest } from '../requests/request.map.js';
import { staffNamesFor } from '../requests/staffNames.js';
import { AccompanimentRequest, Mission } from '../requests/request.type.js';
import { JointMissionFilter, RegionalEventFilter } from './jointMission.input.js';
import {
  JointMission,
  JointMissionConnection,
  PlanningHistoryEntry,
  RegionalEvent,
  RegionalEventConnection,
} from './jointMission.type.js';

/*
 * Joint missions and regional events are the planner's records: readable by
 * those who plan, approve or accompany (the `plan` permission: PLANNER,
 * MANAGEMENT, STAFF), as issue 12 fixes for every planner query; coordinators
 * and analysts get FORBIDDEN.
 */
const PERMISSION = 'plan';

const db = (context: ApiContext) => views<PlanningDb>(context);

function staffOf(v: { staffMemberIds: string[]; staffNames: (string | null)[] }) {
  return v.staffMemberIds.map((id, i) => ({ id, name: v.staffNames[i] ?? null }));
}

function municipalitiesOf(nisCodes: readonly string[], names: readonly (string | null)[]) {
  return nisCodes.map((nisCode, i) => ({ nisCode, name: names[i] ?? null }));
}

export function toJointMission(v: JointMissionView): JointMission {
  return {
    id: v.jointMissionId,
    status: v.status,
    countryCode: v.countryCode,
    regionCodes: v.regionCodes,
    missionType: v.missionType,
    startDate: v.startDate,
    endDate: v.endDate,
    requestIds: v.requestIds,
    municipalities: municipalitiesOf(v.nisCodes, v.municipalityNames),
    rationale: v.rationale,
    estimatedCostEur: v.estimatedCostEur,
    proposedOn: v.proposedOn,
    proposedByRole: v.proposedByRole,
    amendedCount: v.amendedCount,
    decidedOn: v.approvedOn ?? v.rejectedOn,
    staffMembers: staffOf(v),
    budgetEur: v.budgetEur,
    missionId: v.missionId,
    rejectionReason: v.rejectionReason,
    note: v.note,
  };
}

export function toRegionalEvent(v: RegionalEventView): RegionalEvent {
  return {
    id: v.regionalEventId,
    status: v.status,
    kind: v.kind,
    title: v.title,
    countryCode: v.countryCode,
    regionCodes: v.regionCodes,
    startDate: v.startDate,
    endDate: v.endDate,
    themes: v.themes,
    municipalities: municipalitiesOf(v.invitedNisCodes, v.invitedNames),
    estimatedCostEur: v.estimatedCostEur,
    proposedOn: v.proposedOn,
    proposedByRole: v.proposedByRole,
    amendedCount: v.amendedCount,
    decidedOn: v.approvedOn ?? v.rejectedOn,
    staffMembers: staffOf(v),
    budgetEur: v.budgetEur,
    rejectionReason: v.rejectionReason,
    note: v.note,
  };
}

/**
 * The joint mission as the read model shows it now, or null when there is
 * none; no authorisation (the caller's resolver authorises). A mutation
 * waits for the read model's position first, then answers with this.
 */
export async function loadJointMission(context: ApiContext, id: string): Promise<JointMission | null> {
  const view = await getJointMissionById(db(context), id);
  return view ? toJointMission(view) : null;
}

/** As `loadJointMission`, for a regional event. */
export async function loadRegionalEvent(context: ApiContext, id: string): Promise<RegionalEvent | null> {
  const view = await getRegionalEventById(db(context), id);
  return view ? toRegionalEvent(view) : null;
}

async function historyOf(context: ApiContext, planId: string): Promise<PlanningHistoryEntry[]> {
  return (await getPlanningHistory(db(context), planId)).map((h) => ({ ...h }));
}

@Resolver(() => JointMission)
export class JointMissionResolver {
  @Query(() => JointMission, { nullable: true, description: 'One joint mission, for planners, management and staff.' })
  async jointMission(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<JointMission | null> {
    authorize(context.principal, PERMISSION);
    return loadJointMission(context, id);
  }

  @Query(() => JointMissionConnection, {
    description: 'Joint missions, latest start first, for planners, management and staff.',
  })
  async jointMissions(
    @Ctx() context: ApiContext,
    @Arg('filter', () => JointMissionFilter, { nullable: true }) filter?: JointMissionFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<JointMission>> {
    authorize(context.principal, PERMISSION);
    const page = await listJointMissions(db(context), withoutNulls({ ...filter }), {
      first: pageSize(first),
      ...(after ? { after } : {}),
    });
    return toConnection(page, toJointMission);
  }

  @FieldResolver(() => [AccompanimentRequest], { description: 'The requests it covers, as they stand now.' })
  async requests(@Root() jointMission: JointMission, @Ctx() context: ApiContext): Promise<AccompanimentRequest[]> {
    const found = await Promise.all(
      jointMission.requestIds.map((id) => getRequestById(views<RequestsDb>(context), id)),
    );
    const requests = found.filter((r) => r !== undefined);
    const names = await staffNamesFor(context, explanationsOf(requests));
    return requests.map((r) => toAccompanimentRequest(r, names));
  }

  @FieldResolver(() => Mission, { nullable: true, description: 'The one mission that serves it, once approved.' })
  async mission(@Root() jointMission: JointMission, @Ctx() context: ApiContext): Promise<Mission | null> {
    if (!jointMission.missionId) return null;
    const view = await findMission(context, jointMission.missionId);
    return view ? toMission(view) : null;
  }

  @FieldResolver(() => [PlanningHistoryEntry], { description: 'Every event of the joint mission, oldest first.' })
  history(@Root() jointMission: JointMission, @Ctx() context: ApiContext): Promise<PlanningHistoryEntry[]> {
    return historyOf(context, jointMission.id);
  }
}

@Resolver(() => RegionalEvent)
export class RegionalEventResolver {
  @Query(() => RegionalEvent, {
    nullable: true,
    description: 'One regional event, for planners, management and staff.',
  })
  async regionalEvent(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<RegionalEvent | null> {
    authorize(context.principal, PERMISSION);
    return loadRegionalEvent(context, id);
  }

  @Query(() => RegionalEventConnection, {
    description: 'Regional events, latest start first, for planners, management and staff.',
  })
  async regionalEvents(
    @Ctx() context: ApiContext,
    @Arg('filter', () => RegionalEventFilter, { nullable: true }) filter?: RegionalEventFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<RegionalEvent>> {
    authorize(context.principal, PERMISSION);
    const page = await listRegionalEvents(db(context), withoutNulls({ ...filter }), {
      first: pageSize(first),
      ...(after ? { after } : {}),
    });
    return toConnection(page, toRegionalEvent);
  }

  @FieldResolver(() => [PlanningHistoryEntry], { description: 'Every event of the regional event, oldest first.' })
  history(@Root() regionalEvent: RegionalEvent, @Ctx() context: ApiContext): Promise<PlanningHistoryEntry[]> {
    return historyOf(context, regionalEvent.id);
  }
}

/** `Mission.jointMission`: the joint mission a mission serves, for those who may read joint missions. */
@Resolver(() => Mission)
export class MissionJointMissionResolver {
  @FieldResolver(() => JointMission, { nullable: true, description: 'The joint mission it serves, if any.' })
  async jointMission(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<JointMission | null> {
    const view = await findMission(context, mission.id);
    if (!view?.jointMissionId) return null;
    authorize(context.principal, PERMISSION);
    return loadJointMission(context, view.jointMissionId);
  }
}

import {
  listMissions,
  type MissionFilter as ReadFilter,
  type MissionsDb,
  type MissionView,
} from '@werkbezoek/projections';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditTrail } from '../analytics/audit.js';
import { AuditEntryConnection, type AuditEntry } from '../analytics/audit.type.js';
import { authorize, authorizeMutation, forbidden } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import { pageSize, toConnection, type Connection } from '../graphql/connection.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';
import { withoutNulls } from '../registry/withoutNulls.js';
import { Mission, MunicipalityRef } from '../requests/request.type.js';
import {
  CancelMissionInput,
  CompleteMissionInput,
  FileMissionReportInput,
  MissionFilter,
  PlanMissionActivityInput,
  RecordMissionActivityDoneInput,
} from './mission.input.js';
import { authorizeMission, findMission, loadMission, rememberMissions } from './mission.load.js';
import { toMission, toMissionActivity } from './mission.map.js';
import { MissionActivity, MissionConnection } from './mission.type.js';

/** The mission's read-model view, for a field the small `Mission` type does not carry. */
async function viewOf(context: ApiContext, mission: Mission): Promise<MissionView> {
  const view = await loadMission(context, mission.id);
  authorizeMission(context, view);
  return view;
}

/** After a command: the mission as the read model now shows it. */
async function reload(context: ApiContext, missionId: string): Promise<Mission> {
  return toMission(await loadMission(context, missionId, { fresh: true }));
}

@Resolver(() => Mission)
export class MissionResolver {
  @Query(() => Mission, {
    nullable: true,
    description: 'One mission; coordinators see those of their own municipality only.',
  })
  async mission(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Mission | null> {
    const view = await findMission(context, id);
    if (!view) {
      if (context.principal.role !== 'COORDINATOR') authorize(context.principal, 'readAll');
      return null;
    }
    authorizeMission(context, view);
    return toMission(view);
  }

  @Query(() => MissionConnection, {
    description: 'Missions, latest start first; coordinators see those of their own municipality only.',
  })
  async missions(
    @Ctx() context: ApiContext,
    @Arg('filter', () => MissionFilter, { nullable: true }) filter?: MissionFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Mission>> {
    const f: ReadFilter = withoutNulls({ ...filter });
    const { principal } = context;
    if (principal.role === 'COORDINATOR') {
      if (f.nisCode && f.nisCode !== principal.nisCode)
        throw forbidden(`A coordinator of ${principal.nisCode} sees only that municipality's missions`);
    } else authorize(principal, 'readAll');
    const scoped = principal.role === 'COORDINATOR' ? { ...f, nisCode: principal.nisCode! } : f;
    const page = await listMissions(views<MissionsDb>(context), scoped, {
      first: pageSize(first),
      ...(after ? { after } : {}),
    });
    rememberMissions(
      context,
      page.edges.map((e) => e.node),
    );
    return toConnection(page, toMission);
  }

  @FieldResolver(() => String, { description: 'ISO 3166-1 alpha-2 of the country visited.' })
  async countryCode(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string> {
    return (await viewOf(context, mission)).countryCode;
  }

  @FieldResolver(() => [MunicipalityRef], { description: 'The Flemish municipalities whose visit this is.' })
  async municipalities(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<MunicipalityRef[]> {
    const view = await viewOf(context, mission);
    return view.nisCodes.map((nisCode, i) => ({ nisCode, name: view.municipalityNames[i] ?? null }));
  }

  @FieldResolver(() => [ID], { description: 'The requests the mission serves; empty for a proactive joint mission.' })
  async requestIds(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string[]> {
    return (await viewOf(context, mission)).requestIds;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The joint regional mission it is part of.' })
  async jointMissionId(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string | null> {
    return (await viewOf(context, mission)).jointMissionId;
  }

  @FieldResolver(() => [ID])
  async twinningIds(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string[]> {
    return (await viewOf(context, mission)).twinningIds;
  }

  @FieldResolver(() => [StaffRef], {
    description:
      "The accompanying VVSG staff. Not for coordinators, who read their names (staffNames), not VVSG's ids.",
  })
  async staff(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<StaffRef[]> {
    authorize(context.principal, 'readAll');
    const view = await viewOf(context, mission);
    return view.staffMemberIds.map((id, i) => ({ id, name: view.staffNames[i] ?? null }));
  }

  @FieldResolver(() => Float, { description: "VVSG's budget reserved for the mission; not for coordinators." })
  async reservedBudgetEur(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<number> {
    authorize(context.principal, 'readAll');
    return (await viewOf(context, mission)).reservedBudgetEur;
  }

  @FieldResolver(() => Float, { nullable: true })
  costEur(@Root() mission: Mission, @Ctx() context: ApiContext): number | null {
    // As a request's estimated cost: a coordinator learns whether the budget allows a visit, not what it costs.
    return context.principal.role === 'COORDINATOR' ? null : mission.costEur;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true })
  async reportFiledOn(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string | null> {
    return (await viewOf(context, mission)).reportFiledOn;
  }

  @FieldResolver(() => String, { nullable: true, description: "The staff member's personal report." })
  async reportSummary(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string | null> {
    return (await viewOf(context, mission)).reportSummary;
  }

  @FieldResolver(() => StaffRef, { nullable: true, description: 'Who filed the report; not for coordinators.' })
  async reportAuthor(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<StaffRef | null> {
    authorize(context.principal, 'readAll');
    const view = await viewOf(context, mission);
    const id = view.reportAuthorStaffMemberId;
    if (!id) return null;
    return { id, name: view.staffNames[view.staffMemberIds.indexOf(id)] ?? null };
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true })
  async cancelledOn(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string | null> {
    return (await viewOf(context, mission)).cancelledOn;
  }

  @FieldResolver(() => String, { nullable: true })
  async cancellationReason(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<string | null> {
    return (await viewOf(context, mission)).cancellationReason;
  }

  @FieldResolver(() => Int)
  async activitiesPlanned(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<number> {
    return (await viewOf(context, mission)).activitiesPlanned;
  }

  @FieldResolver(() => Int)
  async activitiesDone(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<number> {
    return (await viewOf(context, mission)).activitiesDone;
  }

  @FieldResolver(() => [MissionActivity], {
    description: 'By phase (preparation, during, processing), then by the date planned.',
  })
  async activities(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<MissionActivity[]> {
    return (await viewOf(context, mission)).activities.map(toMissionActivity);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Every event of the mission, oldest first.' })
  auditTrail(
    @Root() mission: Mission,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    authorize(context.principal, 'readAll');
    return auditTrail(context, `mission-${mission.id}`, first, after);
  }

  @Mutation(() => Mission, {
    description: 'Staff plan an activity of the preparation, the visit or its processing.',
  })
  async planMissionActivity(
    @Arg('input', () => PlanMissionActivityInput) input: PlanMissionActivityInput,
    @Ctx() context: ApiContext,
  ): Promise<Mission> {
    authorizeMutation(context.principal, 'planMissionActivity');
    await execute(context, (meta) => context.services.handlers.planActivity(withoutNulls(input), meta));
    return reload(context, input.missionId);
  }

  @Mutation(() => Mission, { description: 'Staff record that a planned activity took place.' })
  async recordMissionActivityDone(
    @Arg('input', () => RecordMissionActivityDoneInput) input: RecordMissionActivityDoneInput,
    @Ctx() context: ApiContext,
  ): Promise<Mission> {
    authorizeMutation(context.principal, 'recordMissionActivityDone');
    await execute(context, (meta) => context.services.handlers.recordActivityDone(withoutNulls(input), meta));
    return reload(context, input.missionId);
  }

  @Mutation(() => Mission, { description: "Staff file the staff member's personal report of the visit." })
  async fileMissionReport(
    @Arg('input', () => FileMissionReportInput) input: FileMissionReportInput,
    @Ctx() context: ApiContext,
  ): Promise<Mission> {
    authorizeMutation(context.principal, 'fileMissionReport');
    const { missionId, filedOn, summary, authorStaffMemberId } = input;
    await execute(context, (meta) =>
      context.services.handlers.fileReport({ missionId, filedOn, summary, authorStaffMemberId }, meta),
    );
    return reload(context, missionId);
  }

  @Mutation(() => Mission, {
    description: 'Staff complete a mission; unused staff days and budget are released, costs recorded.',
  })
  async completeMission(
    @Arg('input', () => CompleteMissionInput) input: CompleteMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<Mission> {
    authorizeMutation(context.principal, 'completeMission');
    await execute(context, (meta) => context.services.handlers.completeMission(withoutNulls(input), meta));
    return reload(context, input.missionId);
  }

  @Mutation(() => Mission, { description: 'Staff cancel a mission; its staff days and budget are released.' })
  async cancelMission(
    @Arg('input', () => CancelMissionInput) input: CancelMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<Mission> {
    authorizeMutation(context.principal, 'cancelMission');
    await execute(context, (meta) => context.services.handlers.cancelMission(withoutNulls(input), meta));
    return reload(context, input.missionId);
  }
}

@Resolver(() => MissionActivity)
export class MissionActivityResolver {
  @FieldResolver(() => StaffRef)
  staffMember(@Root() activity: MissionActivity, @Ctx() context: ApiContext): StaffRef {
    authorize(context.principal, 'readAll');
    return activity.staffMember;
  }
}

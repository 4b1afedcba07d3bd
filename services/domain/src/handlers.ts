import type { EventStore } from '@werkbezoek/eventstore';
import {
  nameBasedUuid,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  Id,
  type Command,
  type CommandMetadata,
  type Decision,
  type DeclineReason,
  type EventData,
  type Province,
  type Event,
  type MissionType,
} from '@werkbezoek/schema';
import { assessInDetail, type AssessmentDetail, type AssessmentResult } from './assessment/assess.js';
import { defaultPolicy, type AssessmentPolicy } from './assessment/policy.js';
import { costIn, tripCostCents } from './assessment/wording.js';
import { budgetDecider, budgetStream } from './budget/budget.js';
import { handleCommand, loadStream, type HandledCommand } from './commandHandler.js';
import type { DomainContext } from './context/context.js';
import { localDateOf, visitDays, yearOf } from './dates.js';
import { fold, type Decider } from './decider.js';
import {
  jointMissionDecider,
  jointMissionStream,
  type JointMissionDraft,
  type JointRequestFacts,
} from './jointMissions/jointMission.js';
import { lessonDecider, lessonStream, type LessonCommand } from './lessons/lesson.js';
import { missionDecider, missionStream, type MissionCommand, type MissionState } from './missions/mission.js';
import { municipalityDecider, municipalityStream } from './municipalities/municipality.js';
import { platformActor } from './platformActor.js';
import { refuseIfAbandoned } from './recovery/abandoned.js';
import { requestDecider, type RequestCommand, type TwinningFacts } from './requests/decide.js';
import { requestStream, type RequestState } from './requests/request.js';
import { staffDecider, staffStream } from './staff/staffMember.js';
import { regionalEventDecider, regionalEventStream, type RegionalEventDraft } from './regionalEvents/regionalEvent.js';
import { twinningDecider, twinningStream, type TwinningCommand, type TwinningState } from './twinnings/twinning.js';

/** What a handled command answers: the aggregate's id and the position to wait for. */
export interface CommandResult {
  readonly id: string;
  readonly position: bigint;
}

type Input<C extends Command> = C['data'];

/** An id for a new aggregate, derived from the command id alone, so a retry (even later) names the same aggregate. */
export function newId(meta: CommandMetadata, purpose: string): string {
  return nameBasedUuid(`${meta.commandId}/${purpose}`);
}

function command<T extends string, D extends object>(type: T, data: D, metadata: CommandMetadata): Command<T, D> {
  return { type, data, metadata };
}

const maxPosition = (...results: readonly { position: bigint }[]) =>
  results.reduce((max, r) => (r.position > max ? r.position : max), 0n);

/** What a planner gives for a joint mission (proposal or amendment). */
export interface JointMissionProposal {
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly rationale: string;
  readonly missionType?: MissionType | undefined;
  readonly estimatedCostEur?: number | undefined;
}

/**
 * Splits a joint mission's days (in half days) and budget (in cents) over its
 * requests, the remainder to the first, so the shares add up to the whole.
 */
export function shareOut(days: number, eur: number, n: number): { days: number; eur: number }[] {
  const halfDays = Math.round(days * 2);
  const cents = Math.round(eur * 100);
  return Array.from({ length: n }, (_, i) => ({
    days: (Math.floor(halfDays / n) + (i < halfDays % n ? 1 : 0)) / 2,
    eur: (Math.floor(cents / n) + (i < cents % n ? 1 : 0)) / 100,
  }));
}

type BookCommand = Command<'BookStaffDays', EventData<'StaffDaysBooked'>>;
type ReserveCommand = Command<'ReserveBudget', EventData<'BudgetReserved'>>;

export interface CommandHandlersOptions {
  readonly policy?: AssessmentPolicy;
}

/**
 * The write side's entry point: one method per command. Each loads what it
 * needs, lets the pure deciders decide, and appends with optimistic
 * concurrency (see `handleCommand`). Commands that touch several aggregates
 * append in an order that keeps every intermediate state valid, and a retry
 * with the same command id completes what a crash left unfinished.
 */
export class CommandHandlers {
  readonly policy: AssessmentPolicy;

  constructor(
    private readonly store: EventStore,
    private readonly context: DomainContext,
    options: CommandHandlersOptions = {},
  ) {
    this.policy = options.policy ?? defaultPolicy;
  }

  private handle<S, C extends Command, E extends Event>(
    decider: Decider<S, C, E>,
    streamId: string,
    cmd: C,
    causationId?: string,
  ): Promise<HandledCommand<E>> {
    return handleCommand<S, C, E>(this.store, decider, streamId, cmd, causationId ? { causationId } : {});
  }

  // Municipalities and twinnings

  async registerMunicipality(
    input: { nisCode: string; name: string; province: Province },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const r = await this.handle(
      municipalityDecider,
      municipalityStream(input.nisCode),
      command('RegisterMunicipality', input, meta),
    );
    return { id: input.nisCode, position: r.position };
  }

  async establishTwinning(
    input: Omit<EventData<'TwinningEstablished'>, 'twinningId' | 'policyDomains'> & {
      twinningId?: string;
      policyDomains?: EventData<'TwinningEstablished'>['policyDomains'];
    },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const twinningId = input.twinningId ?? newId(meta, 'twinning');
    const municipality = await loadStream(this.store, municipalityDecider, municipalityStream(String(input.nisCode)));
    const r = await this.handle(
      twinningDecider,
      twinningStream(twinningId),
      command(
        'EstablishTwinning',
        {
          ...input,
          twinningId,
          policyDomains: input.policyDomains ?? [],
          municipalityRegistered: municipality.state.status === 'REGISTERED',
        },
        meta,
      ),
    );
    return { id: twinningId, position: r.position };
  }

  private async twinningCommand<C extends TwinningCommand>(
    type: C['type'],
    data: C['data'],
    meta: CommandMetadata,
    id: string,
  ): Promise<CommandResult> {
    const r = await this.handle(
      twinningDecider,
      twinningStream(data.twinningId),
      command(type, data, meta) as TwinningCommand,
    );
    return { id, position: r.position };
  }

  recordActorChange(input: EventData<'TwinningActorChanged'>, meta: CommandMetadata): Promise<CommandResult> {
    return this.twinningCommand('RecordActorChange', input, meta, input.twinningId);
  }

  endTwinning(input: EventData<'TwinningEnded'>, meta: CommandMetadata): Promise<CommandResult> {
    return this.twinningCommand('EndTwinning', input, meta, input.twinningId);
  }

  async adviseAccompaniment(
    input: Omit<EventData<'AccompanimentAdvised'>, 'adviceId'> & { adviceId?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const adviceId = input.adviceId ?? newId(meta, 'advice');
    await this.requireRequestOf(input.requestId, input.twinningId);
    return this.twinningCommand('AdviseAccompaniment', { ...input, adviceId }, meta, adviceId);
  }

  async logContact(
    input: Omit<EventData<'ContactLogged'>, 'contactId'> & { contactId?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const contactId = input.contactId ?? newId(meta, 'contact');
    await this.requireRequestOf(input.requestId, input.twinningId);
    const staff = await loadStream(this.store, staffDecider, staffStream(String(input.staffMemberId)));
    if (staff.state.status === 'ABSENT')
      throw new NotFoundError(`Staff member ${input.staffMemberId} is not registered`);
    return this.twinningCommand('LogContact', { ...input, contactId }, meta, contactId);
  }

  /** A request named alongside a twinning must exist and be that twinning's. */
  private async requireRequestOf(requestId: string | undefined, twinningId: string): Promise<void> {
    if (requestId === undefined) return;
    const request = await this.loadRequest(String(requestId));
    if (request.status === 'NONE') throw new NotFoundError(`Request ${requestId} does not exist`);
    if (request.twinningId !== twinningId) {
      throw new ValidationError(`Request ${requestId} belongs to twinning ${request.twinningId}, not ${twinningId}`, [
        'requestId',
      ]);
    }
  }

  // Staff and budget

  async registerStaffMember(
    input: { staffMemberId?: string; name: string; email?: string; daysPerYear?: number; fromYear?: number },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const staffMemberId = input.staffMemberId ?? newId(meta, 'staff');
    const r = await this.handle(
      staffDecider,
      staffStream(staffMemberId),
      command('RegisterStaffMember', { ...input, staffMemberId }, meta),
    );
    return { id: staffMemberId, position: r.position };
  }

  async declareStaffCapacity(input: EventData<'StaffCapacityDeclared'>, meta: CommandMetadata): Promise<CommandResult> {
    const r = await this.handle(
      staffDecider,
      staffStream(input.staffMemberId),
      command('DeclareStaffCapacity', input, meta),
    );
    return { id: input.staffMemberId, position: r.position };
  }

  async allocateBudget(input: EventData<'BudgetAllocated'>, meta: CommandMetadata): Promise<CommandResult> {
    const r = await this.handle(budgetDecider, budgetStream(input.year), command('AllocateBudget', input, meta));
    return { id: String(input.year), position: r.position };
  }

  // Requests

  async submitRequest(
    input: Omit<Input<Extract<RequestCommand, { type: 'SubmitAccompanimentRequest' }>>, 'requestId' | 'twinning'> & {
      requestId?: string;
    },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const requestId = input.requestId ?? newId(meta, 'request');
    const facts = await this.twinningFacts(input.twinningId);
    const submitted = await this.handle(
      requestDecider,
      requestStream(requestId),
      command('SubmitAccompanimentRequest', { ...input, requestId, twinning: facts }, meta),
    );
    const cause = submitted.eventIds[0]!;
    const assessed = await this.assessAndRecord(requestId, 'SUBMITTED', meta, cause);
    const others = await this.reassessRegion(requestId, meta, cause);
    return { id: requestId, position: maxPosition(submitted, assessed, ...others) };
  }

  /**
   * What submitting this request would record as its assessment, without
   * storing anything: the same decider checks the input (the same errors, a
   * coordinator only for their own municipality) and the same facts and policy
   * assess it, on the command's date.
   */
  async draftAssessment(
    input: Omit<Input<Extract<RequestCommand, { type: 'SubmitAccompanimentRequest' }>>, 'requestId' | 'twinning'> & {
      requestId?: string;
    },
    meta: CommandMetadata,
  ): Promise<AssessmentDetail> {
    const requestId = input.requestId ?? newId(meta, 'request');
    const facts = await this.twinningFacts(input.twinningId);
    const events = requestDecider.decide(
      command('SubmitAccompanimentRequest', { ...input, requestId, twinning: facts }, meta),
      requestDecider.initialState(),
    );
    const request = fold(requestDecider, events);
    if (request.status === 'NONE') throw new Error('A submitted request has a state');
    return this.assessmentOf(requestId, request, localDateOf(meta.issuedAt));
  }

  private async twinningFacts(twinningId: string): Promise<TwinningFacts | undefined> {
    if (!Id.safeParse(twinningId).success) {
      throw new ValidationError(`twinningId "${String(twinningId)}" is not a twinning id (a UUID)`, ['twinningId']);
    }
    const twinning = await loadStream(this.store, twinningDecider, twinningStream(String(twinningId)));
    return twinning.state.status === 'ABSENT'
      ? undefined
      : { twinningId: twinning.state.twinningId, nisCode: twinning.state.nisCode, status: twinning.state.status };
  }

  async amendRequest(
    input: Input<Extract<RequestCommand, { type: 'AmendAccompanimentRequest' }>>,
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const before = await this.loadRequest(input.requestId);
    const amended = await this.handle(
      requestDecider,
      requestStream(input.requestId),
      command('AmendAccompanimentRequest', input, meta),
    );
    const cause = amended.eventIds[0];
    if (!cause) return { id: input.requestId, position: amended.position };
    const assessed = await this.assessAndRecord(input.requestId, 'AMENDED', meta, cause);
    const others = await this.reassessRegion(input.requestId, meta, cause, before);
    return { id: input.requestId, position: maxPosition(amended, assessed, ...others) };
  }

  async withdrawRequest(input: { requestId: string; reason: string }, meta: CommandMetadata): Promise<CommandResult> {
    const before = await this.loadRequest(input.requestId);
    const withdrawn = await this.handle(
      requestDecider,
      requestStream(input.requestId),
      command('WithdrawAccompanimentRequest', input, meta),
    );
    const others = withdrawn.eventIds[0]
      ? await this.reassessRegion(input.requestId, meta, withdrawn.eventIds[0], before)
      : [];
    return { id: input.requestId, position: maxPosition(withdrawn, ...others) };
  }

  /** Assesses an undecided request again on demand (staff). */
  async assessRequest(input: { requestId: string }, meta: CommandMetadata): Promise<CommandResult> {
    const r = await this.assessAndRecord(input.requestId, 'REQUESTED', meta, meta.commandId);
    return { id: input.requestId, position: r.position };
  }

  async decideRequest(
    input: {
      requestId: string;
      decision: Decision;
      declineReason?: DeclineReason | undefined;
      staffMemberId?: string | undefined;
      note?: string | undefined;
    },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    if (input.decision === 'DECLINE') {
      const before = await this.loadRequest(input.requestId);
      const declined = await this.handle(
        requestDecider,
        requestStream(input.requestId),
        command(
          'DeclineAccompanimentRequest',
          { requestId: input.requestId, reason: input.declineReason, note: input.note },
          meta,
        ),
      );
      const others = declined.eventIds[0]
        ? await this.reassessRegion(input.requestId, meta, declined.eventIds[0], before)
        : [];
      return { id: input.requestId, position: maxPosition(declined, ...others) };
    }
    return this.acceptRequest(input, meta);
  }

  /**
   * Accepting touches four aggregates. All four decisions are taken first, on
   * the loaded states, so a refusal (no free days, no budget, a request that
   * is no longer undecided) writes nothing. Then: staff booking, budget
   * reservation, the request's acceptance, the mission. Should the acceptance
   * itself fail after the resources were taken (the request was withdrawn in
   * the meantime), the booking and reservation are released again.
   */
  private async acceptRequest(
    input: { requestId: string; staffMemberId?: string | undefined; note?: string | undefined },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const { requestId, staffMemberId, note } = input;
    // Decide on the request as it was before this command: a retry after a
    // crash then walks the same steps, each of which recognises its own events.
    const loaded = await loadStream(this.store, requestDecider, requestStream(requestId));
    refuseIfAbandoned(loaded.causedBy(meta.commandId), `Accepting request ${requestId}`);
    const request = fold(
      requestDecider,
      loaded.events().filter((e) => e.metadata.causationId !== meta.commandId),
    );
    const missionId = newId(meta, 'mission');
    const bookingId = newId(meta, 'booking');
    const reservationId = newId(meta, 'reservation');
    const decide = command(
      'AcceptAccompanimentRequest',
      { requestId, missionId, staffMemberId, bookedDays: 0, reservedBudgetEur: 0, note },
      meta,
    );
    requestDecider.decide(decide, request); // fails fast: unknown, decided or withdrawn request, no staff member
    if (request.status !== 'SUBMITTED' || !staffMemberId) throw new Error('unreachable');

    const twinning = await this.loadTwinning(request.twinningId);
    const year = yearOf(request.startDate);
    const days = visitDays(request.startDate, request.endDate);
    const bookedDays = this.policy.preparationDays + days + this.policy.processingDays;
    const reservedBudgetEur = tripCostCents(costIn(this.policy, twinning.countryCode), days) / 100;

    const staffCmd = command(
      'BookStaffDays',
      { staffMemberId, year, bookingId, days: bookedDays, missionId, requestId },
      meta,
    );
    const budgetCmd = command(
      'ReserveBudget',
      { year, reservationId, amountEur: reservedBudgetEur, missionId, requestId },
      meta,
    );
    const acceptCmd = command('AcceptAccompanimentRequest', { ...decide.data, bookedDays, reservedBudgetEur }, meta);
    const missionCmd = command(
      'ScheduleMission',
      {
        missionId,
        requestIds: [requestId],
        twinningIds: [request.twinningId],
        nisCodes: [request.nisCode],
        missionType: request.missionType,
        countryCode: twinning.countryCode,
        regionCode: twinning.regionCode,
        startDate: request.startDate,
        endDate: request.endDate,
        staffMemberIds: [staffMemberId],
        bookedDays,
        reservedBudgetEur,
        reservationId,
        staffBookings: [{ staffMemberId, bookingId }],
      },
      meta,
    );
    // Decide everything before writing anything.
    await this.checkResources([staffCmd], budgetCmd, meta);
    requestDecider.decide(acceptCmd, request);
    const written = await this.takeResourcesFor(
      () => this.handle(requestDecider, requestStream(requestId), acceptCmd),
      [staffCmd],
      budgetCmd,
      `Acceptance of request ${requestId} failed`,
      meta,
    );
    // The platform's recovery may have abandoned this command between the check above and the append.
    refuseIfAbandoned(written[written.length - 1]!.events, `Accepting request ${requestId}`);
    const scheduled = await this.handle(missionDecider, missionStream(missionId), missionCmd);
    return { id: requestId, position: maxPosition(...written, scheduled) };
  }

  // Joint missions and regional events (the planner)

  /** The requests a joint mission names, with their place in the South; `excluding` leaves out a command's own events. */
  private async jointRequestFacts(requestIds: readonly string[], excluding?: string): Promise<JointRequestFacts[]> {
    const facts: JointRequestFacts[] = [];
    for (const requestId of new Set(requestIds)) {
      if (!Id.safeParse(requestId).success) {
        throw new ValidationError(`requestIds: "${String(requestId)}" is not a request id (a UUID)`, ['requestIds']);
      }
      const loaded = await loadStream(this.store, requestDecider, requestStream(requestId));
      const request = excluding
        ? fold(
            requestDecider,
            loaded.events().filter((e) => e.metadata.causationId !== excluding),
          )
        : loaded.state;
      if (request.status === 'NONE') throw new NotFoundError(`Request ${requestId} does not exist`);
      const twinning = await this.loadTwinning(request.twinningId);
      facts.push({ requestId, request, countryCode: twinning.countryCode, regionCode: twinning.regionCode });
    }
    return facts;
  }

  /** One staff member's days and cost for a trip over a window (travel once, the allowance per day). */
  private jointTrip(countryCode: string, startDate: string, endDate: string) {
    const days = visitDays(startDate, endDate);
    return {
      staffDays: this.policy.preparationDays + days + this.policy.processingDays,
      costEur: tripCostCents(costIn(this.policy, countryCode), days) / 100,
    };
  }

  private async jointMissionDraft(input: JointMissionProposal, jointMissionId: string): Promise<JointMissionDraft> {
    const requests = await this.jointRequestFacts(input.requestIds);
    const countryCode = requests[0]?.countryCode;
    const estimatedCostEur =
      input.estimatedCostEur ?? (countryCode ? this.jointTrip(countryCode, input.startDate, input.endDate).costEur : 0);
    return { ...input, jointMissionId, estimatedCostEur, requests };
  }

  /**
   * Proposes one accompanied trip for several undecided requests in one
   * country. Nothing is booked: the other undecided requests in the region
   * are reassessed, as when a request is submitted.
   */
  async proposeJointMission(
    input: JointMissionProposal & { jointMissionId?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const jointMissionId = input.jointMissionId ?? newId(meta, 'jointMission');
    const draft = await this.jointMissionDraft(input, jointMissionId);
    const proposed = await this.handle(
      jointMissionDecider,
      jointMissionStream(jointMissionId),
      command('ProposeJointMission', draft, meta),
    );
    const others = await this.reassessAroundJointMission(jointMissionId, meta, proposed.eventIds[0]);
    return { id: jointMissionId, position: maxPosition(proposed, ...others) };
  }

  async amendJointMission(
    input: JointMissionProposal & { jointMissionId: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const draft = await this.jointMissionDraft(input, input.jointMissionId);
    const amended = await this.handle(
      jointMissionDecider,
      jointMissionStream(input.jointMissionId),
      command('AmendJointMission', draft, meta),
    );
    const others = await this.reassessAroundJointMission(input.jointMissionId, meta, amended.eventIds[0]);
    return { id: input.jointMissionId, position: maxPosition(amended, ...others) };
  }

  async rejectJointMission(input: { jointMissionId: string; reason: string }, meta: CommandMetadata) {
    const r = await this.handle(
      jointMissionDecider,
      jointMissionStream(input.jointMissionId),
      command('RejectJointMission', input, meta),
    );
    return { id: input.jointMissionId, position: r.position };
  }

  /**
   * Approving a joint mission books each named staff member for the whole
   * window, reserves the budget once, records the approval, accepts every
   * request it serves (each with its share of the days and budget) and
   * schedules one mission for all of them. Every decision is taken before
   * anything is written, so no free days or no budget writes nothing; a
   * retry with the same command id completes what a crash left unfinished.
   * After the approval is recorded, a request withdrawn in the meantime is
   * left out of the mission rather than undoing the approval.
   */
  async approveJointMission(
    input: { jointMissionId: string; staffMemberIds: readonly string[]; budgetEur?: number; note?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const { jointMissionId } = input;
    const stream = jointMissionStream(jointMissionId);
    const loaded = await loadStream(this.store, jointMissionDecider, stream);
    refuseIfAbandoned(loaded.causedBy(meta.commandId), `Approving joint mission ${jointMissionId}`);
    const state = fold(
      jointMissionDecider,
      loaded.events().filter((e) => e.metadata.causationId !== meta.commandId),
    );
    if (state.status === 'NONE') throw new NotFoundError(`Joint mission ${jointMissionId} does not exist`);
    const { plan } = state;
    const requests = await this.jointRequestFacts(plan.requestIds, meta.commandId);
    const year = yearOf(plan.startDate);
    const trip = this.jointTrip(plan.countryCode, plan.startDate, plan.endDate);
    const staffMemberIds = [...input.staffMemberIds];
    const budgetEur = input.budgetEur ?? Math.round(trip.costEur * staffMemberIds.length * 100) / 100;
    const missionId = newId(meta, 'mission');
    const reservationId = newId(meta, 'reservation');
    const approveCmd = command(
      'ApproveJointMission',
      {
        jointMissionId,
        staffMemberIds,
        budgetEur,
        missionId,
        ...(input.note ? { note: input.note } : {}),
        requests,
      },
      meta,
    );
    jointMissionDecider.decide(approveCmd, state); // fails fast: decided, started, a request no longer open
    for (const id of staffMemberIds) {
      if (!Id.safeParse(id).success)
        throw new ValidationError(`staffMemberIds: "${id}" is not a staff member id (a UUID)`, ['staffMemberIds']);
    }

    const bookings = staffMemberIds.map((staffMemberId) => ({
      staffMemberId,
      bookingId: newId(meta, `booking/${staffMemberId}`),
    }));
    const bookCmds = bookings.map(({ staffMemberId, bookingId }) =>
      command(
        'BookStaffDays',
        { staffMemberId, year, bookingId, days: trip.staffDays, missionId, jointMissionId },
        meta,
      ),
    );
    const reserveCmd = command(
      'ReserveBudget',
      { year, reservationId, amountEur: budgetEur, missionId, jointMissionId },
      meta,
    );
    const shares = shareOut(trip.staffDays * staffMemberIds.length, budgetEur, requests.length);
    const acceptCmds = requests.map(({ requestId }, i) =>
      command(
        'AcceptAccompanimentRequest',
        {
          requestId,
          missionId,
          staffMemberId: staffMemberIds[0],
          bookedDays: shares[i]!.days,
          reservedBudgetEur: shares[i]!.eur,
          jointMissionId,
          note: `Served by joint mission ${jointMissionId} (${plan.startDate} to ${plan.endDate}) with ${requests.length - 1} other request(s)`,
        },
        meta,
      ),
    );

    // Decide everything before writing anything.
    await this.checkResources(bookCmds, reserveCmd, meta);
    acceptCmds.forEach((cmd, i) => requestDecider.decide(cmd, requests[i]!.request));
    const written = await this.takeResourcesFor(
      () => this.handle(jointMissionDecider, stream, approveCmd),
      bookCmds,
      reserveCmd,
      `Approval of joint mission ${jointMissionId} failed`,
      meta,
    );
    refuseIfAbandoned(written[written.length - 1]!.events, `Approving joint mission ${jointMissionId}`);
    const served: JointRequestFacts[] = [];
    for (const [i, cmd] of acceptCmds.entries()) {
      try {
        written.push(await this.handle(requestDecider, requestStream(cmd.data.requestId), cmd));
        served.push(requests[i]!);
      } catch (error) {
        if (!(error instanceof IllegalStateError)) throw error;
      }
    }
    const twinningIds = served.map((r) => (r.request as { twinningId: string }).twinningId);
    const missionCmd = command(
      'ScheduleMission',
      {
        missionId,
        jointMissionId,
        requestIds: served.map((r) => r.requestId),
        twinningIds: [...new Set(twinningIds)],
        nisCodes: [...new Set(served.map((r) => (r.request as { nisCode: string }).nisCode))],
        missionType: plan.missionType,
        countryCode: plan.countryCode,
        regionCode: plan.regionCodes[0]!,
        startDate: plan.startDate,
        endDate: plan.endDate,
        staffMemberIds,
        bookedDays: trip.staffDays * staffMemberIds.length,
        reservedBudgetEur: budgetEur,
        reservationId,
        staffBookings: bookings,
      },
      meta,
    );
    written.push(await this.handle(missionDecider, missionStream(missionId), missionCmd));
    const approval = written.find((w) => w.streamId === stream)!;
    const others = await this.reassessAroundJointMission(jointMissionId, meta, approval.eventIds[0]);
    return { id: jointMissionId, position: maxPosition(...written, ...others) };
  }

  /**
   * Refuses (throws) when a staff booking or the budget reservation cannot be
   * made; those this command already wrote (a retry after a crash) count as made.
   */
  private async checkResources(
    bookCmds: readonly BookCommand[],
    reserveCmd: ReserveCommand,
    meta: CommandMetadata,
  ): Promise<void> {
    for (const cmd of bookCmds) {
      const staff = await loadStream(this.store, staffDecider, staffStream(cmd.data.staffMemberId));
      if (staff.causedBy(meta.commandId).length === 0) staffDecider.decide(cmd, staff.state);
    }
    const budget = await loadStream(this.store, budgetDecider, budgetStream(reserveCmd.data.year));
    if (budget.causedBy(meta.commandId).length === 0) budgetDecider.decide(reserveCmd, budget.state);
  }

  /**
   * Books the staff days and reserves the budget, then records the decision
   * that needs them; should that fail (the request was withdrawn, the plan
   * decided in the meantime), gives both back and rethrows.
   */
  private async takeResourcesFor(
    decision: () => Promise<HandledCommand>,
    bookCmds: readonly BookCommand[],
    reserveCmd: ReserveCommand,
    failure: string,
    meta: CommandMetadata,
  ): Promise<HandledCommand[]> {
    const written: HandledCommand[] = [];
    for (const cmd of bookCmds) written.push(await this.handle(staffDecider, staffStream(cmd.data.staffMemberId), cmd));
    written.push(await this.handle(budgetDecider, budgetStream(reserveCmd.data.year), reserveCmd));
    try {
      written.push(await decision());
      return written;
    } catch (error) {
      const compensation = `${meta.commandId}/compensation`;
      const reason = `${failure}: ${(error as Error).message}`.slice(0, 1000);
      for (const { data } of bookCmds) {
        const { staffMemberId, year, bookingId, days } = data;
        await this.handle(
          staffDecider,
          staffStream(staffMemberId),
          command('ReleaseStaffDays', { staffMemberId, year, bookingId, days, reason }, meta),
          compensation,
        );
      }
      const { year, reservationId, amountEur } = reserveCmd.data;
      await this.handle(
        budgetDecider,
        budgetStream(year),
        command('ReleaseBudget', { year, reservationId, amountEur, reason }, meta),
        compensation,
      );
      throw error;
    }
  }

  /** The undecided requests around a joint mission's window are reassessed, as around a submitted request. */
  private async reassessAroundJointMission(
    jointMissionId: string,
    meta: CommandMetadata,
    causationId: string | undefined,
  ): Promise<HandledCommand[]> {
    if (!causationId) return [];
    const { state } = await loadStream(this.store, jointMissionDecider, jointMissionStream(jointMissionId));
    if (state.status === 'NONE') return [];
    const { plan } = state;
    const own = new Set(plan.requestIds);
    const recorded: HandledCommand[] = [];
    for (const regionCode of plan.regionCodes) {
      recorded.push(
        ...(await this.reassessAround(
          regionCode,
          [[plan.startDate, plan.endDate]],
          (open) => own.has(open.requestId),
          meta,
          causationId,
        )),
      );
    }
    return recorded;
  }

  async proposeRegionalEvent(
    input: Omit<EventData<'RegionalEventProposed'>, 'regionalEventId' | 'estimatedCostEur'> & {
      regionalEventId?: string;
      estimatedCostEur?: number;
    },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const regionalEventId = input.regionalEventId ?? newId(meta, 'regionalEvent');
    const r = await this.handle(
      regionalEventDecider,
      regionalEventStream(regionalEventId),
      command('ProposeRegionalEvent', await this.regionalEventDraft({ ...input, regionalEventId }), meta),
    );
    return { id: regionalEventId, position: r.position };
  }

  async amendRegionalEvent(
    input: Omit<EventData<'RegionalEventAmended'>, 'amendedOn' | 'estimatedCostEur'> & { estimatedCostEur?: number },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const r = await this.handle(
      regionalEventDecider,
      regionalEventStream(input.regionalEventId),
      command('AmendRegionalEvent', await this.regionalEventDraft(input), meta),
    );
    return { id: input.regionalEventId, position: r.position };
  }

  /** Adds what the decider cannot look up: which invitees are not registered, and the default estimate. */
  private async regionalEventDraft(
    input: Omit<EventData<'RegionalEventProposed'>, 'estimatedCostEur'> & { estimatedCostEur?: number },
  ): Promise<RegionalEventDraft> {
    const unknownNisCodes: string[] = [];
    for (const nisCode of input.invitedNisCodes ?? []) {
      const m = await loadStream(this.store, municipalityDecider, municipalityStream(String(nisCode)));
      if (m.state.status !== 'REGISTERED') unknownNisCodes.push(nisCode);
    }
    const estimatedCostEur =
      input.estimatedCostEur ??
      (input.countryCode && input.startDate && input.endDate
        ? this.jointTrip(input.countryCode, input.startDate, input.endDate).costEur
        : undefined);
    return { ...input, ...(estimatedCostEur !== undefined ? { estimatedCostEur } : {}), unknownNisCodes };
  }

  async rejectRegionalEvent(input: { regionalEventId: string; reason: string }, meta: CommandMetadata) {
    const r = await this.handle(
      regionalEventDecider,
      regionalEventStream(input.regionalEventId),
      command('RejectRegionalEvent', input, meta),
    );
    return { id: input.regionalEventId, position: r.position };
  }

  /**
   * Approving a regional event reserves its budget and books the staff who
   * go (preparation, the event's days and processing), decided before
   * anything is written; if the approval itself then fails, both are given back.
   */
  async approveRegionalEvent(
    input: { regionalEventId: string; budgetEur?: number; staffMemberIds?: readonly string[]; note?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const { regionalEventId } = input;
    const stream = regionalEventStream(regionalEventId);
    const loaded = await loadStream(this.store, regionalEventDecider, stream);
    refuseIfAbandoned(loaded.causedBy(meta.commandId), `Approving regional event ${regionalEventId}`);
    const state = fold(
      regionalEventDecider,
      loaded.events().filter((e) => e.metadata.causationId !== meta.commandId),
    );
    if (state.status === 'NONE') throw new NotFoundError(`Regional event ${regionalEventId} does not exist`);
    const { plan } = state;
    const staffMemberIds = [...(input.staffMemberIds ?? [])];
    const trip = this.jointTrip(plan.countryCode, plan.startDate, plan.endDate);
    const budgetEur = input.budgetEur ?? plan.estimatedCostEur ?? trip.costEur;
    const year = yearOf(plan.startDate);
    const approveCmd = command(
      'ApproveRegionalEvent',
      { regionalEventId, budgetEur, staffMemberIds, ...(input.note ? { note: input.note } : {}) },
      meta,
    );
    regionalEventDecider.decide(approveCmd, state);
    const bookCmds = staffMemberIds.map((staffMemberId) =>
      command(
        'BookStaffDays',
        {
          staffMemberId,
          year,
          bookingId: newId(meta, `booking/${staffMemberId}`),
          days: trip.staffDays,
          regionalEventId,
        },
        meta,
      ),
    );
    const reserveCmd = command(
      'ReserveBudget',
      { year, reservationId: newId(meta, 'reservation'), amountEur: budgetEur, regionalEventId },
      meta,
    );
    await this.checkResources(bookCmds, reserveCmd, meta);
    const written = await this.takeResourcesFor(
      () => this.handle(regionalEventDecider, stream, approveCmd),
      bookCmds,
      reserveCmd,
      `Approval of regional event ${regionalEventId} failed`,
      meta,
    );
    refuseIfAbandoned(written[written.length - 1]!.events, `Approving regional event ${regionalEventId}`);
    return { id: regionalEventId, position: maxPosition(...written) };
  }

  private async loadRequest(requestId: string): Promise<RequestState> {
    return (await loadStream(this.store, requestDecider, requestStream(requestId))).state;
  }

  private async loadTwinning(twinningId: string): Promise<Exclude<TwinningState, { status: 'ABSENT' }>> {
    const { state } = await loadStream(this.store, twinningDecider, twinningStream(twinningId));
    if (state.status === 'ABSENT')
      throw new Error(`Twinning ${twinningId} of a stored request is missing from the store`);
    return state;
  }

  /** Gathers the facts, runs the policy and records the assessment of one undecided request. */
  private async assessAndRecord(
    requestId: string,
    trigger: 'SUBMITTED' | 'AMENDED' | 'CONTEXT_CHANGED' | 'REQUESTED',
    meta: CommandMetadata,
    causationId: string,
  ): Promise<HandledCommand> {
    const result = await this.assessment(requestId, localDateOf(meta.issuedAt));
    return this.handle(
      requestDecider,
      requestStream(requestId),
      command('RecordAssessment', { requestId, trigger, result }, meta),
      causationId,
    );
  }

  /** The policy's current assessment of an undecided request, without recording it. */
  async assessment(requestId: string, assessedOn: string): Promise<AssessmentResult> {
    const request = await this.loadRequest(requestId);
    if (request.status === 'NONE') throw new NotFoundError(`Request ${requestId} does not exist`);
    return (await this.assessmentOf(requestId, request, assessedOn)).result;
  }

  /** Gathers the facts about a request (stored or drafted) and runs the policy. */
  private async assessmentOf(
    requestId: string,
    request: Exclude<RequestState, { status: 'NONE' }>,
    assessedOn: string,
  ): Promise<AssessmentDetail> {
    const twinning = await this.loadTwinning(request.twinningId);
    const year = yearOf(request.startDate);
    const margin = this.policy.combinedVisitWindowDays;
    const [lastAccompaniedOn, visitsInRegion, staff, budget] = await Promise.all([
      this.context.lastAccompaniedVisit(request.nisCode, assessedOn),
      this.context.visitsInRegion(twinning.regionCode, request.startDate, request.endDate, margin),
      this.context.staffAvailability(year),
      this.context.budgetStatus(year),
    ]);
    return assessInDetail(
      {
        assessedOn,
        request: {
          requestId,
          nisCode: request.nisCode,
          twinningId: request.twinningId,
          missionType: request.missionType,
          startDate: request.startDate,
          endDate: request.endDate,
          claimedReasons: request.claimedReasons,
          countryCode: twinning.countryCode,
          regionCode: twinning.regionCode,
        },
        lastAccompaniedOn,
        visitsInRegion,
        actorChanges: twinning.actorChanges,
        staff,
        budget,
      },
      this.policy,
    );
  }

  /**
   * A request that appears, moves, or leaves a region changes the context of
   * the other undecided requests there (COMBINED_VISITS). Each is reassessed;
   * an assessment event is recorded only where the outcome changed.
   */
  private async reassessRegion(
    requestId: string,
    meta: CommandMetadata,
    causationId: string,
    before?: RequestState,
  ): Promise<HandledCommand[]> {
    const after = await this.loadRequest(requestId);
    if (after.status === 'NONE') return [];
    const twinning = await this.loadTwinning(after.twinningId);
    const periods: [string, string][] = [[after.startDate, after.endDate]];
    if (
      before &&
      before.status !== 'NONE' &&
      (before.startDate !== after.startDate || before.endDate !== after.endDate)
    )
      periods.push([before.startDate, before.endDate]);
    return this.reassessAround(
      twinning.regionCode,
      periods,
      (open) => open.requestId === requestId || open.nisCode === after.nisCode,
      meta,
      causationId,
    );
  }

  /**
   * Reassesses the undecided requests in a region whose visits lie near the
   * periods, except those `skip` names; an assessment event is recorded only
   * where the outcome changed.
   */
  private async reassessAround(
    regionCode: string,
    periods: readonly (readonly [string, string])[],
    skip: (open: { requestId: string; nisCode: string }) => boolean,
    meta: CommandMetadata,
    causationId: string,
  ): Promise<HandledCommand[]> {
    const margin = this.policy.combinedVisitWindowDays;
    const affected = new Set<string>();
    for (const [from, to] of periods) {
      for (const open of await this.context.openRequestsInRegion(regionCode, from, to, margin)) {
        if (!skip(open)) affected.add(open.requestId);
      }
    }
    const recorded: HandledCommand[] = [];
    const today = localDateOf(meta.issuedAt);
    for (const other of [...affected].sort()) {
      // One load per request: the state it is assessed on and its last assessment come from the same read.
      const loaded = await loadStream(this.store, requestDecider, requestStream(other));
      const state = loaded.state;
      if (state.status !== 'SUBMITTED') continue;
      const events = loaded.events();
      const previous = events.filter((e) => e.type === 'AccompanimentRequestAssessed').at(-1);
      const { result } = await this.assessmentOf(other, state, today);
      const prev = previous?.data as AssessmentResult | undefined;
      if (
        prev &&
        prev.recommendation === result.recommendation &&
        prev.declineReason === result.declineReason &&
        prev.satisfiedReasons.join() === result.satisfiedReasons.join()
      )
        continue;
      recorded.push(
        await this.handle(
          requestDecider,
          requestStream(other),
          command(
            'RecordAssessment',
            { requestId: other, trigger: 'CONTEXT_CHANGED' as const, result },
            {
              ...meta,
              // The platform's act, caused by the event that changed the region (causationId), in the
              // reassessed request's own conversation: the other municipality's command stays on its streams.
              actor: platformActor,
              correlationId: events[0]?.metadata.correlationId ?? meta.commandId,
            },
          ),
          causationId,
        ),
      );
    }
    return recorded;
  }

  // Missions

  private async missionCommand(cmd: MissionCommand): Promise<HandledCommand> {
    return this.handle(missionDecider, missionStream(cmd.data.missionId), cmd);
  }

  async planActivity(
    input: Omit<EventData<'MissionActivityPlanned'>, 'activityId'> & { activityId?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const activityId = input.activityId ?? newId(meta, 'activity');
    const r = await this.missionCommand(command('PlanActivity', { ...input, activityId }, meta));
    return { id: activityId, position: r.position };
  }

  async recordActivityDone(input: EventData<'MissionActivityDone'>, meta: CommandMetadata): Promise<CommandResult> {
    const r = await this.missionCommand(command('RecordActivityDone', input, meta));
    return { id: input.activityId, position: r.position };
  }

  async fileReport(input: EventData<'MissionReportFiled'>, meta: CommandMetadata): Promise<CommandResult> {
    const r = await this.missionCommand(command('FileReport', input, meta));
    return { id: input.missionId, position: r.position };
  }

  /**
   * Completes a mission, then settles its resources: the cost is recorded
   * against the reservation and what is left of it released; booked staff
   * days that were not used are released.
   */
  async completeMission(
    input: {
      missionId: string;
      completedOn: string;
      report?: string | undefined;
      daysSpent?: number;
      costEur?: number;
    },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const cmd = command(
      'CompleteMission',
      Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input,
      meta,
    );
    const completed = await this.missionCommand(cmd);
    const mission = await this.loadMission(input.missionId);
    if (mission.status !== 'COMPLETED') return { id: input.missionId, position: completed.position };
    const settled = await this.settle(
      mission,
      meta,
      completed.eventIds.at(-1) ?? meta.commandId,
      mission.daysSpent,
      mission.costEur,
    );
    return { id: input.missionId, position: maxPosition(completed, ...settled) };
  }

  async cancelMission(
    input: { missionId: string; reason: string; cancelledOn?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const cancelledOn = input.cancelledOn ?? localDateOf(meta.issuedAt);
    const cancelled = await this.missionCommand(
      command('CancelMission', { missionId: input.missionId, reason: input.reason, cancelledOn }, meta),
    );
    const mission = await this.loadMission(input.missionId);
    if (mission.status !== 'CANCELLED') return { id: input.missionId, position: cancelled.position };
    const settled = await this.settle(mission, meta, cancelled.eventIds[0] ?? meta.commandId, 0, 0);
    return { id: input.missionId, position: maxPosition(cancelled, ...settled) };
  }

  private async loadMission(missionId: string): Promise<MissionState> {
    return (await loadStream(this.store, missionDecider, missionStream(missionId))).state;
  }

  /** Spends `costEur` of the mission's reservation and `daysSpent` of its bookings, releasing the rest. */
  private async settle(
    mission: Exclude<MissionState, { status: 'NONE' }>,
    meta: CommandMetadata,
    causationId: string,
    daysSpent: number,
    costEur: number,
  ): Promise<HandledCommand[]> {
    const out: HandledCommand[] = [];
    const year = yearOf(mission.startDate);
    const reason =
      mission.status === 'CANCELLED'
        ? `Mission ${mission.missionId} was cancelled`
        : `Mission ${mission.missionId} was completed`;
    const bookings = [] as { staffMemberId: string; bookingId: string }[];
    for (const id of mission.staffMemberIds) {
      const staff = await loadStream(this.store, staffDecider, staffStream(id));
      if (staff.state.status !== 'REGISTERED') continue;
      for (const [bookingId, b] of staff.state.bookings)
        if (b.missionId === mission.missionId && b.days - b.released > 0)
          bookings.push({ staffMemberId: id, bookingId });
    }
    let spentDays = daysSpent;
    for (const { staffMemberId, bookingId } of bookings) {
      const staff = await loadStream(this.store, staffDecider, staffStream(staffMemberId));
      const b = staff.state.status === 'REGISTERED' ? staff.state.bookings.get(bookingId) : undefined;
      if (!b) continue;
      const outstanding = b.days - b.released;
      const used = Math.min(outstanding, spentDays);
      spentDays -= used;
      if (outstanding - used > 0) {
        out.push(
          await this.handle(
            staffDecider,
            staffStream(staffMemberId),
            command(
              'ReleaseStaffDays',
              { staffMemberId, year: b.year, bookingId, days: outstanding - used, reason },
              meta,
            ),
            causationId,
          ),
        );
      }
    }
    const budget = await loadStream(this.store, budgetDecider, budgetStream(year));
    const reservationId = [...budget.state.reservations].find(([, r]) => r.missionId === mission.missionId)?.[0];
    const costs: EventData<'CostRecorded'>[] = [];
    if (costEur > 0) {
      const country = this.policy.costs[mission.countryCode] ?? this.policy.defaultCost;
      const travel = Math.min(costEur, country.travelEur);
      const allowance = Math.round((costEur - travel) * 100) / 100;
      const incurredOn = mission.status === 'COMPLETED' ? mission.completedOn : localDateOf(meta.issuedAt);
      const cost = (purpose: string, amountEur: number, category: 'TRAVEL' | 'ALLOWANCE') => ({
        year,
        costId: nameBasedUuid(`${causationId}/${purpose}`),
        missionId: mission.missionId,
        amountEur,
        category,
        incurredOn,
      });
      costs.push(cost('travel', travel, 'TRAVEL'));
      if (allowance > 0) costs.push(cost('allowance', allowance, 'ALLOWANCE'));
    }
    if (costs.length > 0 || reservationId) {
      out.push(
        await this.handle(
          budgetDecider,
          budgetStream(year),
          command('SettleReservation', { year, reservationId, costs, reason }, meta),
          causationId,
        ),
      );
    }
    return out;
  }

  // Lessons

  async recordLesson(
    input: Omit<EventData<'LessonRecorded'>, 'lessonId' | 'recordedOn' | 'sdgs' | 'dacCriteria' | 'language'> &
      Partial<Pick<EventData<'LessonRecorded'>, 'lessonId' | 'recordedOn' | 'sdgs' | 'dacCriteria' | 'language'>>,
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    const lessonId = input.lessonId ?? newId(meta, 'lesson');
    const mission = await this.loadMission(String(input.missionId));
    const facts =
      mission.status === 'NONE'
        ? undefined
        : {
            missionId: mission.missionId,
            status: mission.status,
            startDate: mission.startDate,
            staffMemberIds: mission.staffMemberIds,
          };
    const data = {
      language: 'nl' as const,
      sdgs: [],
      dacCriteria: [],
      recordedOn: localDateOf(meta.issuedAt),
      ...input,
      lessonId,
      mission: facts,
    };
    const r = await this.handle(lessonDecider, lessonStream(lessonId), command('RecordLesson', data, meta));
    return { id: lessonId, position: r.position };
  }

  private async lessonCommand(cmd: LessonCommand): Promise<CommandResult> {
    const r = await this.handle(lessonDecider, lessonStream(cmd.data.lessonId), cmd);
    return { id: cmd.data.lessonId, position: r.position };
  }

  editLesson(input: EventData<'LessonEdited'>, meta: CommandMetadata): Promise<CommandResult> {
    return this.lessonCommand(command('EditLesson', input, meta));
  }

  promoteToGoodPractice(
    input: { lessonId: string; rationale?: string },
    meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.lessonCommand(command('PromoteToGoodPractice', input, meta));
  }

  retractLesson(input: EventData<'LessonRetracted'>, meta: CommandMetadata): Promise<CommandResult> {
    return this.lessonCommand(command('RetractLesson', input, meta));
  }
}

import {
  CommandHandlers,
  EventLogContext,
  addDays,
  loadStream,
  lessonDecider,
  lessonStream,
  localDateOf,
  missionDecider,
  missionStream,
  newId,
  requestDecider,
  requestStream,
  twinningDecider,
  twinningStream,
} from '@werkbezoek/domain';
import type { EventStore } from '@werkbezoek/eventstore';
import {
  Activities,
  ActorKinds,
  AdditionalReasons,
  ContactChannels,
  DacCriteria,
  DeclineReasons,
  DomainError,
  Languages,
  LessonLevels,
  MissionTypes,
  Phases,
  PolicyDomains,
  TwinningSides,
  nameBasedUuid,
  type Activity,
  type ActorKind,
  type AdditionalReason,
  type CommandMetadata,
  type ContactChannel,
  type DacCriterion,
  type DeclineReason,
  type ContentLanguage,
  type LessonLevel,
  type MissionType,
  type Phase,
  type PolicyDomain,
  type TwinningSide,
} from '@werkbezoek/schema';
import fc from 'fast-check';

/*
 * Random valid event histories: a random setup (municipalities twinned in one
 * or two shared regions, staff with capacity, budget) and a random sequence
 * of commands sent through the real command handlers. Commands pick their
 * subjects by index among what earlier commands created, and take their
 * dates relative to the clock or to the subject's own dates, so that most of
 * them are accepted; the ones the domain refuses (a DomainError) leave no
 * event and are skipped. The clock only moves forward.
 */

const REGIONS = [
  { countryCode: 'BJ', regionCode: 'BJ-ZO', partners: ['Bohicon', 'Abomey', 'Covè'] },
  { countryCode: 'SN', regionCode: 'SN-DK', partners: ['Rufisque', 'Bargny', 'Pikine'] },
] as const;
const MUNICIPALITIES = [
  { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' },
  { nisCode: '13014', name: 'Hoogstraten', province: 'ANTWERPEN' },
  { nisCode: '44021', name: 'Gent', province: 'OOST_VLAANDEREN' },
  { nisCode: '24062', name: 'Leuven', province: 'VLAAMS_BRABANT' },
] as const;
const STAFF_NAMES = ['Lies Janssens', 'Koen Peeters', 'Aïcha Diallo'] as const;
const START = '2026-01-05T08:00:00.000Z';
const HOUR = 3_600_000;

const WORDS = [
  'geboorteakte',
  'burgerlijke stand',
  'afvalbeheer',
  'stroomvoorziening',
  'coöperatie',
  'één loket',
  'participatie',
  'jeugdraad',
  'waterbeheer',
  'digitalisering',
  'état civil',
  'gestion des déchets',
] as const;
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const sentence = text.map((t) => `${t[0]!.toUpperCase()}${t.slice(1)}.`);

const subset = <T>(values: readonly T[], maxLength = 3) =>
  fc.uniqueArray(fc.constantFrom(...values), { maxLength: Math.min(maxLength, values.length) });
/** An index into a list that is only known when the command runs (taken modulo its length). */
const pick = fc.nat({ max: 1000 });
const halfDays = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
const euro = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

export interface Setup {
  readonly regions: readonly number[];
  readonly municipalities: readonly { region: number; sinceYear: number; secondTwinning: boolean }[];
  readonly staff: readonly { daysPerYear: number | undefined }[];
  readonly budgets: readonly { year: number; amountEur: number }[];
}

export const setupArb: fc.Arbitrary<Setup> = fc.record({
  regions: fc.uniqueArray(fc.integer({ min: 0, max: REGIONS.length - 1 }), { minLength: 1, maxLength: 2 }),
  municipalities: fc.array(
    fc.record({ region: pick, sinceYear: fc.integer({ min: 2005, max: 2025 }), secondTwinning: fc.boolean() }),
    { minLength: 2, maxLength: 4 },
  ),
  staff: fc.array(
    fc.record({ daysPerYear: fc.option(fc.integer({ min: 30, max: 150 }), { nil: undefined, freq: 6 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  budgets: fc.array(
    fc.record({ year: fc.constantFrom(2026, 2026, 2027), amountEur: fc.integer({ min: 3_000, max: 40_000 }) }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
});

export type Operation =
  | {
      kind: 'submit';
      twinning: number;
      actor: 'staff' | 'ownCoordinator' | 'otherCoordinator';
      missionType: MissionType;
      startsIn: number;
      days: number;
      delegationSize: number;
      claimedReasons: AdditionalReason[];
      policyDomains: PolicyDomain[];
      notes: string | undefined;
    }
  | {
      kind: 'amend';
      request: number;
      shift: number | undefined;
      days: number | undefined;
      missionType: MissionType | undefined;
      delegationSize: number | undefined;
      claimedReasons: AdditionalReason[] | undefined;
      policyDomains: PolicyDomain[] | undefined;
    }
  | { kind: 'withdraw'; request: number; reason: string }
  | { kind: 'assess'; request: number }
  | { kind: 'accept'; request: number; staff: number; note: string | undefined }
  | { kind: 'decline'; request: number; reason: DeclineReason; note: string }
  | { kind: 'plan'; mission: number; activity: Activity; plannedShift: number; staff: number }
  | { kind: 'done'; activity: number; shift: number; daysSpent: number }
  | { kind: 'report'; mission: number; shift: number; summary: string }
  | {
      kind: 'complete';
      mission: number;
      after: number;
      daysSpent: number | undefined;
      costEur: number | undefined;
      report: string | undefined;
    }
  | { kind: 'cancel'; mission: number; reason: string }
  | {
      kind: 'recordLesson';
      mission: number;
      author: number;
      title: string;
      body: string;
      level: LessonLevel;
      phase: Phase;
      language: ContentLanguage;
      policyDomains: PolicyDomain[];
      sdgs: number[];
      dacCriteria: DacCriterion[];
    }
  | {
      kind: 'editLesson';
      lesson: number;
      title?: string;
      body?: string;
      language?: ContentLanguage;
      level?: LessonLevel;
      phase?: Phase;
      policyDomains?: PolicyDomain[];
      sdgs?: number[];
      dacCriteria?: DacCriterion[];
    }
  | { kind: 'promote'; lesson: number; rationale: string | undefined }
  | { kind: 'retract'; lesson: number; reason: string }
  | { kind: 'actorChange'; twinning: number; side: TwinningSide; actorKind: ActorKind; daysAgo: number; text: string }
  | { kind: 'endTwinning'; twinning: number; daysAgo: number }
  | { kind: 'advise'; twinning: number; request: number | undefined; reasons: AdditionalReason[]; rationale: string }
  | { kind: 'contact'; twinning: number; request: number | undefined; channel: ContactChannel; staff: number }
  | { kind: 'capacity'; staff: number; year: number; days: number }
  | { kind: 'budget'; year: number; amountEur: number }
  /** The previous command again, with the same command id: a client's retry. */
  | { kind: 'retry' };

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      twinning: pick,
      actor: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('staff' as const, 'ownCoordinator' as const) },
        { weight: 1, arbitrary: fc.constant('otherCoordinator' as const) },
      ),
      missionType: fc.constantFrom(...MissionTypes.codes),
      startsIn: fc.integer({ min: -2, max: 70 }),
      days: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 14 }) }, fc.integer({ min: 50, max: 70 })),
      delegationSize: fc.integer({ min: 1, max: 12 }),
      claimedReasons: subset(AdditionalReasons.codes),
      policyDomains: subset(PolicyDomains.codes),
      notes: optional(sentence),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      request: pick,
      shift: optional(fc.integer({ min: -5, max: 20 })),
      days: optional(fc.integer({ min: 1, max: 14 })),
      missionType: optional(fc.constantFrom(...MissionTypes.codes)),
      delegationSize: optional(fc.integer({ min: 1, max: 12 })),
      claimedReasons: optional(subset(AdditionalReasons.codes)),
      policyDomains: optional(subset(PolicyDomains.codes)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), request: pick, reason: sentence }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assess' as const), request: pick }) },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      request: pick,
      staff: pick,
      note: optional(sentence),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decline' as const),
      request: pick,
      reason: fc.constantFrom(...DeclineReasons.codes),
      note: sentence,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('plan' as const),
      mission: pick,
      activity: fc.constantFrom(...Activities.codes),
      plannedShift: fc.integer({ min: -20, max: 20 }),
      staff: pick,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('done' as const),
      activity: pick,
      shift: fc.integer({ min: -15, max: 25 }),
      daysSpent: halfDays(4),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      mission: pick,
      shift: fc.integer({ min: -2, max: 20 }),
      summary: sentence,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('complete' as const),
      mission: pick,
      after: fc.integer({ min: 0, max: 12 }),
      daysSpent: optional(halfDays(25)),
      costEur: optional(euro(4000)),
      report: optional(sentence),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), mission: pick, reason: sentence }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('recordLesson' as const),
      mission: pick,
      author: pick,
      title: text,
      body: sentence,
      level: fc.constantFrom(...LessonLevels.codes),
      phase: fc.constantFrom(...Phases.codes),
      language: fc.constantFrom(...Languages.codes),
      policyDomains: subset(PolicyDomains.codes),
      sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 3 }),
      dacCriteria: subset(DacCriteria.codes),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('editLesson' as const),
        lesson: pick,
        title: text,
        body: sentence,
        language: fc.constantFrom(...Languages.codes),
        level: fc.constantFrom(...LessonLevels.codes),
        phase: fc.constantFrom(...Phases.codes),
        policyDomains: subset(PolicyDomains.codes),
        sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 3 }),
        dacCriteria: subset(DacCriteria.codes),
      },
      { requiredKeys: ['kind', 'lesson'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('promote' as const), lesson: pick, rationale: optional(sentence) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), lesson: pick, reason: sentence }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('actorChange' as const),
      twinning: pick,
      side: fc.constantFrom(...TwinningSides.codes),
      actorKind: fc.constantFrom(...ActorKinds.codes),
      daysAgo: fc.integer({ min: 0, max: 500 }),
      text: sentence,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('endTwinning' as const),
      twinning: pick,
      daysAgo: fc.integer({ min: -2, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advise' as const),
      twinning: pick,
      request: optional(pick),
      reasons: subset(AdditionalReasons.codes),
      rationale: sentence,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      twinning: pick,
      request: optional(pick),
      channel: fc.constantFrom(...ContactChannels.codes),
      staff: pick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('capacity' as const),
      staff: pick,
      year: fc.constantFrom(2026, 2027),
      days: fc.integer({ min: 0, max: 120 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('budget' as const),
      year: fc.constantFrom(2026, 2027),
      amountEur: euro(15_000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'retry' as const }) },
);

export interface Step {
  readonly operation: Operation;
  /** Hours the clock moves on before the command: mostly a little, sometimes a week or two. */
  readonly advanceHours: number;
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  operation: operationArb,
  advanceHours: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }) },
    { weight: 2, arbitrary: fc.integer({ min: 24, max: 16 * 24 }) },
  ),
});

const at = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/**
 * Mostly a subject in a state the command can act on (an undecided request, a
 * scheduled mission), so that commands are mostly accepted; one time in five
 * any subject, so that refusals are exercised too.
 */
async function choose<T>(list: readonly T[], index: number, actionable: (item: T) => Promise<boolean>) {
  if (index % 5 === 0) return at(list, Math.floor(index / 5));
  const candidates: T[] = [];
  for (const item of list) if (await actionable(item)) candidates.push(item);
  return at(candidates.length > 0 ? candidates : list, index);
}

const staffActor = { id: 'staff-property', role: 'STAFF' } as const;
const managementActor = { id: 'management-property', role: 'MANAGEMENT' } as const;

/** What the history has created so far, for commands to pick their subjects from. */
interface Known {
  readonly twinnings: { twinningId: string; nisCode: string }[];
  readonly staff: string[];
  readonly requests: string[];
  readonly missions: string[];
  readonly activities: { activityId: string; missionId: string }[];
  readonly lessons: string[];
}

/**
 * Plays a history through the real command handlers over `store`. Every
 * refusal must be a DomainError: any other error is a bug, and fails the
 * property (fast-check prints the history that led to it).
 */
export class HistoryPlayer {
  private readonly handlers: CommandHandlers;
  private clock = Date.parse(START);
  private commands = 0;
  private previous: { command: (meta: CommandMetadata) => Promise<unknown>; meta: CommandMetadata } | undefined;
  private readonly known: Known = { twinnings: [], staff: [], requests: [], missions: [], activities: [], lessons: [] };
  /** Commands accepted and refused, by kind, for the test's coverage statistics. */
  readonly outcomes = new Map<string, { accepted: number; refused: number }>();

  constructor(private readonly store: EventStore) {
    this.handlers = new CommandHandlers(store, new EventLogContext(store));
  }

  private metadata(actor: CommandMetadata['actor'] = staffActor): CommandMetadata {
    this.commands++;
    return { commandId: `property-command-${this.commands}`, issuedAt: new Date(this.clock).toISOString(), actor };
  }

  private get today(): string {
    return localDateOf(new Date(this.clock).toISOString());
  }

  /**
   * Sends one command with new metadata; a DomainError means the domain
   * refused it, anything else is a bug. Remembers it, metadata and all, for a
   * retry with the same command id.
   */
  private async send<R>(
    kind: string,
    command: (meta: CommandMetadata) => Promise<R>,
    meta: CommandMetadata = this.metadata(),
  ): Promise<R | undefined> {
    const outcome = this.outcomes.get(kind) ?? { accepted: 0, refused: 0 };
    this.outcomes.set(kind, outcome);
    this.previous = { command, meta };
    try {
      const result = await command(meta);
      outcome.accepted++;
      return result;
    } catch (error) {
      if (error instanceof DomainError) {
        outcome.refused++;
        return undefined;
      }
      throw new Error(`${kind} failed with an error that is not a DomainError: ${String(error)}`, { cause: error });
    }
  }

  async setup(setup: Setup): Promise<void> {
    const h = this.handlers;
    for (const [i, m] of setup.municipalities.entries()) {
      const municipality = MUNICIPALITIES[i]!;
      await this.send('registerMunicipality', (meta) => h.registerMunicipality(municipality, meta));
      const twinnings = m.secondTwinning ? [m.region, m.region + 1] : [m.region];
      for (const [t, r] of twinnings.entries()) {
        const region = REGIONS[at(setup.regions, r)!]!;
        const result = await this.send('establishTwinning', (meta) =>
          h.establishTwinning(
            {
              nisCode: municipality.nisCode,
              partnerName: region.partners[(i + t) % region.partners.length]!,
              countryCode: region.countryCode,
              regionCode: region.regionCode,
              since: `${m.sinceYear}-0${1 + t}-15`,
              policyDomains: ['LOCAL_GOVERNANCE'],
            },
            meta,
          ),
        );
        if (result) this.known.twinnings.push({ twinningId: result.id, nisCode: municipality.nisCode });
      }
    }
    for (const [i, s] of setup.staff.entries()) {
      const result = await this.send('registerStaffMember', (meta) =>
        h.registerStaffMember({ name: STAFF_NAMES[i]!, daysPerYear: s.daysPerYear }, meta),
      );
      if (result) this.known.staff.push(result.id);
    }
    for (const b of setup.budgets)
      await this.send('allocateBudget', (meta) => h.allocateBudget(b, meta), this.metadata(managementActor));
  }

  async play(step: Step): Promise<void> {
    this.clock += step.advanceHours * HOUR;
    const h = this.handlers;
    const k = this.known;
    const op = step.operation;
    switch (op.kind) {
      case 'submit': {
        const twinning = await choose(
          k.twinnings,
          op.twinning,
          async (t) =>
            (await loadStream(this.store, twinningDecider, twinningStream(t.twinningId))).state.status === 'ACTIVE',
        );
        if (!twinning) return;
        const other = k.twinnings.find((t) => t.nisCode !== twinning.nisCode)?.nisCode ?? '71002';
        const actor =
          op.actor === 'staff'
            ? staffActor
            : ({
                id: `coordinator-${op.actor === 'ownCoordinator' ? twinning.nisCode : other}`,
                role: 'COORDINATOR',
                nisCode: op.actor === 'ownCoordinator' ? twinning.nisCode : other,
              } as const);
        const startDate = addDays(this.today, op.startsIn);
        const result = await this.send(
          'submit',
          (meta) =>
            h.submitRequest(
              {
                twinningId: twinning.twinningId,
                missionType: op.missionType,
                startDate,
                endDate: addDays(startDate, op.days - 1),
                delegationSize: op.delegationSize,
                policyDomains: op.policyDomains,
                claimedReasons: op.claimedReasons,
                notes: op.notes,
              },
              meta,
            ),
          this.metadata(actor),
        );
        if (result) k.requests.push(result.id);
        return;
      }
      case 'amend': {
        const requestId = await this.request(op.request);
        if (!requestId) return;
        const request = await this.requestState(requestId);
        if (request.status === 'NONE') return;
        const startDate = op.shift === undefined ? undefined : addDays(request.startDate, op.shift);
        const endDate = op.days === undefined ? undefined : addDays(startDate ?? request.startDate, op.days - 1);
        await this.send('amend', (meta) =>
          h.amendRequest(
            {
              requestId,
              startDate,
              endDate,
              missionType: op.missionType,
              delegationSize: op.delegationSize,
              claimedReasons: op.claimedReasons,
              policyDomains: op.policyDomains,
            },
            meta,
          ),
        );
        return;
      }
      case 'withdraw': {
        const requestId = await this.request(op.request);
        if (requestId) await this.send('withdraw', (meta) => h.withdrawRequest({ requestId, reason: op.reason }, meta));
        return;
      }
      case 'assess': {
        const requestId = await this.request(op.request);
        if (requestId) await this.send('assess', (meta) => h.assessRequest({ requestId }, meta));
        return;
      }
      case 'accept': {
        const requestId = await this.request(op.request);
        const staffMemberId = at(k.staff, op.staff);
        if (!requestId || !staffMemberId) return;
        const meta = this.metadata();
        const result = await this.send(
          'accept',
          (m) => h.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId, note: op.note }, m),
          meta,
        );
        const missionId = newId(meta, 'mission');
        if (result && !k.missions.includes(missionId)) k.missions.push(missionId);
        return;
      }
      case 'decline': {
        const requestId = await this.request(op.request);
        if (!requestId) return;
        await this.send('decline', (meta) =>
          h.decideRequest({ requestId, decision: 'DECLINE', declineReason: op.reason, note: op.note }, meta),
        );
        return;
      }
      case 'plan': {
        const mission = await this.mission(op.mission);
        if (!mission) return;
        const staffMemberId = at(mission.staffMemberIds, op.staff) ?? at(k.staff, op.staff);
        if (!staffMemberId) return;
        const result = await this.send('plan', (meta) =>
          h.planActivity(
            {
              missionId: mission.missionId,
              activity: op.activity,
              plannedOn: addDays(mission.startDate, op.plannedShift),
              staffMemberId,
            },
            meta,
          ),
        );
        if (result) k.activities.push({ activityId: result.id, missionId: mission.missionId });
        return;
      }
      case 'done': {
        const activity = await choose(k.activities, op.activity, async (a) => {
          const mission = await this.missionState(a.missionId);
          return (
            mission.status === 'SCHEDULED' &&
            mission.startDate <= this.today &&
            !mission.activities.get(a.activityId)?.doneOn
          );
        });
        if (!activity) return;
        const mission = await this.missionState(activity.missionId);
        if (mission.status === 'NONE') return;
        await this.send('done', (meta) =>
          h.recordActivityDone(
            {
              missionId: activity.missionId,
              activityId: activity.activityId,
              doneOn: addDays(mission.startDate, op.shift),
              daysSpent: op.daysSpent,
            },
            meta,
          ),
        );
        return;
      }
      case 'report': {
        const mission = await this.mission(op.mission, 'start');
        if (!mission) return;
        await this.send('report', (meta) =>
          h.fileReport(
            {
              missionId: mission.missionId,
              filedOn: addDays(mission.startDate, op.shift),
              authorStaffMemberId: mission.staffMemberIds[0] ?? '',
              summary: op.summary,
            },
            meta,
          ),
        );
        return;
      }
      case 'complete': {
        const mission = await this.mission(op.mission, 'end');
        if (!mission) return;
        await this.send('complete', (meta) =>
          h.completeMission(
            {
              missionId: mission.missionId,
              completedOn: addDays(mission.endDate, op.after),
              report: op.report,
              ...(op.daysSpent === undefined ? {} : { daysSpent: op.daysSpent }),
              ...(op.costEur === undefined ? {} : { costEur: op.costEur }),
            },
            meta,
          ),
        );
        return;
      }
      case 'cancel': {
        const missionId = await this.missionId(op.mission);
        if (missionId) await this.send('cancel', (meta) => h.cancelMission({ missionId, reason: op.reason }, meta));
        return;
      }
      case 'recordLesson': {
        const missionId = await this.missionId(op.mission, ['SCHEDULED', 'COMPLETED']);
        if (!missionId) return;
        const mission = await this.missionState(missionId);
        // Lessons are recorded by the mission's own staff; now and then someone else tries.
        const staff = mission.status === 'NONE' || op.author % 4 === 0 ? k.staff : mission.staffMemberIds;
        const author = at(staff, op.author);
        if (!author) return;
        const { kind: _kind, mission: _mission, author: _author, ...content } = op;
        const result = await this.send('recordLesson', (meta) =>
          h.recordLesson({ ...content, missionId, authorStaffMemberId: author }, meta),
        );
        if (result && !k.lessons.includes(result.id)) k.lessons.push(result.id);
        return;
      }
      case 'editLesson': {
        const lessonId = await this.lesson(op.lesson);
        if (!lessonId) return;
        const { kind: _kind, lesson: _lesson, ...changes } = op;
        await this.send('editLesson', (meta) => h.editLesson({ ...changes, lessonId }, meta));
        return;
      }
      case 'promote': {
        const lessonId = await this.lesson(op.lesson);
        if (lessonId)
          await this.send('promote', (meta) =>
            h.promoteToGoodPractice(
              op.rationale === undefined ? { lessonId } : { lessonId, rationale: op.rationale },
              meta,
            ),
          );
        return;
      }
      case 'retract': {
        const lessonId = await this.lesson(op.lesson);
        if (lessonId) await this.send('retract', (meta) => h.retractLesson({ lessonId, reason: op.reason }, meta));
        return;
      }
      case 'actorChange': {
        const twinning = at(k.twinnings, op.twinning);
        if (!twinning) return;
        await this.send('actorChange', (meta) =>
          h.recordActorChange(
            {
              twinningId: twinning.twinningId,
              side: op.side,
              actorKind: op.actorKind,
              changedOn: addDays(this.today, -op.daysAgo),
              description: op.text,
            },
            meta,
          ),
        );
        return;
      }
      case 'endTwinning': {
        const twinning = at(k.twinnings, op.twinning);
        if (!twinning) return;
        await this.send('endTwinning', (meta) =>
          h.endTwinning(
            {
              twinningId: twinning.twinningId,
              endedOn: addDays(this.today, -op.daysAgo),
              reason: 'De federale financiering voor het land liep af.',
            },
            meta,
          ),
        );
        return;
      }
      case 'advise': {
        const twinning = at(k.twinnings, op.twinning);
        if (!twinning) return;
        const requestId = op.request === undefined ? undefined : at(k.requests, op.request);
        await this.send('advise', (meta) =>
          h.adviseAccompaniment(
            {
              twinningId: twinning.twinningId,
              nisCode: twinning.nisCode,
              reasons: op.reasons,
              rationale: op.rationale,
              ...(requestId ? { requestId } : {}),
            },
            meta,
          ),
        );
        return;
      }
      case 'contact': {
        const twinning = at(k.twinnings, op.twinning);
        const staffMemberId = at(k.staff, op.staff);
        if (!twinning || !staffMemberId) return;
        const requestId = op.request === undefined ? undefined : at(k.requests, op.request);
        await this.send('contact', (meta) =>
          h.logContact(
            {
              twinningId: twinning.twinningId,
              contactedOn: this.today,
              channel: op.channel,
              person: { personId: nameBasedUuid(`person/${twinning.nisCode}`), name: 'Marie Peeters' },
              staffMemberId,
              summary: 'Overleg over de voorbereiding van het werkbezoek.',
              ...(requestId ? { requestId } : {}),
            },
            meta,
          ),
        );
        return;
      }
      case 'capacity': {
        const staffMemberId = at(k.staff, op.staff);
        if (staffMemberId)
          await this.send('capacity', (meta) =>
            h.declareStaffCapacity({ staffMemberId, year: op.year, days: op.days }, meta),
          );
        return;
      }
      case 'budget':
        await this.send(
          'budget',
          (meta) => h.allocateBudget({ year: op.year, amountEur: op.amountEur }, meta),
          this.metadata(managementActor),
        );
        return;
      case 'retry': {
        const previous = this.previous;
        if (previous) await this.send('retry', previous.command, previous.meta);
        return;
      }
      default: {
        const _exhaustive: never = op;
        throw new Error(`Unknown operation ${JSON.stringify(_exhaustive)}`);
      }
    }
  }

  private async requestState(requestId: string) {
    return (await loadStream(this.store, requestDecider, requestStream(requestId))).state;
  }

  private async missionState(missionId: string) {
    return (await loadStream(this.store, missionDecider, missionStream(missionId))).state;
  }

  /** A request, mostly an undecided one. */
  private request(index: number): Promise<string | undefined> {
    return choose(this.known.requests, index, async (id) => (await this.requestState(id)).status === 'SUBMITTED');
  }

  /** A mission's id, mostly of one in one of `statuses`. */
  private missionId(index: number, statuses: readonly string[] = ['SCHEDULED']): Promise<string | undefined> {
    return choose(this.known.missions, index, async (id) => statuses.includes((await this.missionState(id)).status));
  }

  /** A lesson, mostly one that was not retracted. */
  private lesson(index: number): Promise<string | undefined> {
    return choose(
      this.known.lessons,
      index,
      async (id) => (await loadStream(this.store, lessonDecider, lessonStream(id))).state.status === 'RECORDED',
    );
  }

  /** A mission, mostly a scheduled one, whose visit has started or ended by today when `from` says so. */
  private async mission(index: number, from: 'start' | 'end' | undefined = undefined) {
    const missionId = await choose(this.known.missions, index, async (id) => {
      const mission = await this.missionState(id);
      if (mission.status !== 'SCHEDULED') return false;
      return from === undefined || (from === 'start' ? mission.startDate : mission.endDate) <= this.today;
    });
    if (!missionId) return undefined;
    const state = await this.missionState(missionId);
    return state.status === 'NONE' ? undefined : state;
  }
}

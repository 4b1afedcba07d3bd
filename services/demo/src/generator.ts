import { CommandHandlers, EventLogContext, requestStream, visitDays, type BudgetStatus } from '@werkbezoek/domain';
import type { EventStore } from '@werkbezoek/eventstore';
import {
  Activities,
  AdditionalReasons,
  deterministicUuidv7,
  type Activity,
  type ActorKind,
  type AdditionalReason,
  type CommandMetadata,
  type ContactChannel,
  type DeclineReason,
  type MissionType,
  type PolicyDomain,
  type Province,
  type Actor,
} from '@werkbezoek/schema';
import {
  Agenda,
  dateBetween,
  daysFrom,
  maxDate,
  midnight,
  minDate,
  officeTime,
  plusDays,
  toDate,
  workday,
  yearOfDate,
} from './calendar.js';
import {
  editSuffixes,
  goodPracticeRationales,
  lessonTemplates,
  processTemplates,
  retractionReasons,
  type LessonTemplate,
} from './lessonTemplates.js';
import { LessonWriter } from './lessonWriter.js';
import { Random } from './random.js';
import {
  arrondissements,
  belgianElections,
  budgetFor,
  municipalities as knownMunicipalities,
  partnerRegions,
  placeNameParts,
  programmeCovers,
  programmeOf,
  southernElections,
  staff as knownStaff,
  twinnings as knownTwinnings,
  type StaffSeed,
  type TwinningSeed,
} from './referenceData.js';
import {
  acceptNotes,
  activityNotes,
  actorChangeDescriptions,
  adviceRationales,
  amendmentNotes,
  cancellationReasons,
  contactSummaries,
  coordinatorFunctions,
  covidCancellation,
  covidWithdrawal,
  declineNotes,
  fill,
  flemishFirstNames,
  flemishLastNames,
  overrideAcceptNotes,
  overrideDeclineNotes,
  reportSummaries,
  southernNames,
  withdrawalReasons,
} from './texts.js';
import { schedulePipeline, type PipelineHost } from './pipeline.js';
import { CLAIMS, DELEGATION, DURATION, MONTH_WEIGHTS } from './visits.js';
import {
  MANAGEMENT,
  type ActivityRecord,
  type LessonRecord,
  type MissionRecord,
  type Person,
  type PlannedVisit,
  type RequestRecord,
  type StaffRt,
  type TwinningRt,
} from './world.js';

/** The first day of the demo history: the platform's records start in January 2017. */
export const HISTORY_START = '2017-01-02';
/** "Today" for the demo: nothing is done after it, though visits may be requested for the year after. */
export const DEMO_TODAY = '2026-11-27';

export interface DemoProgress {
  /** Events in the store (its head position). */
  readonly events: number;
  readonly commands: number;
  /** The simulated date being processed. */
  readonly simulatedDate: string;
  /** How far the simulated time has advanced, 0 to 1. */
  readonly fraction: number;
}

export interface DemoOptions {
  readonly store: EventStore;
  /** Same seed and scale, same event log (same event ids). Default 1. */
  readonly seed?: number;
  /**
   * Size: 1 is the demo (41 twinnings, about 5,600 events); larger
   * scales add synthetic municipalities and twinnings (41 per unit) with
   * proportional staff and budget. Default 1.
   */
  readonly scale?: number;
  /** The last simulated day. Default 2026-11-27. */
  readonly today?: string;
  readonly onProgress?: (progress: DemoProgress) => void;
  /** Read the log back at the end to count events per type. Default true. */
  readonly countEventTypes?: boolean;
}

export interface DemoSummary {
  readonly seed: number;
  readonly scale: number;
  readonly from: string;
  readonly to: string;
  readonly events: number;
  readonly commands: number;
  readonly municipalities: number;
  readonly twinnings: number;
  readonly twinningsEnded: number;
  readonly staffMembers: number;
  readonly requests: {
    readonly submitted: number;
    readonly open: number;
    readonly accepted: number;
    readonly declined: Record<DeclineReason, number>;
    readonly withdrawn: number;
    readonly amended: number;
    readonly byMissionType: Record<MissionType, number>;
  };
  readonly decisions: { readonly followedRecommendation: number; readonly againstRecommendation: number };
  readonly missions: {
    readonly scheduled: number;
    readonly inProgress: number;
    readonly completed: number;
    readonly cancelled: number;
  };
  readonly activities: { readonly planned: number; readonly done: number };
  readonly reports: number;
  readonly lessons: {
    readonly recorded: number;
    readonly goodPractices: number;
    readonly edited: number;
    readonly retracted: number;
  };
  readonly contacts: number;
  readonly advice: number;
  readonly actorChanges: number;
  readonly budgetAllocations: number;
  readonly capacityDeclarations: number;
  /** Southern regions where at least three Flemish municipalities have a twinning. */
  readonly regionalClusters: Readonly<Record<string, number>>;
  readonly eventsByType: Readonly<Record<string, number>>;
}

/**
 * Generates a synthetic, deterministic history of the programme from January
 * 2017 to `today` by sending commands to the real command handlers, with
 * simulated `issuedAt` times in chronological order.
 *
 * @example
 * const store = new MemoryEventStore();
 * const summary = await generateDemoHistory({ store, seed: 1, scale: 1 });
 */
export async function generateDemoHistory(options: DemoOptions): Promise<DemoSummary> {
  return new Simulation(options).run();
}

// ---------------------------------------------------------------------------
/** The head of VVSG's international department: a staff member who decides requests and curates lessons. */
const HEAD_OF_DEPARTMENT: Actor = { id: 'staff-diensthoofd-internationaal', role: 'STAFF' };
const COVID_FROM = '2020-03-14';
const COVID_UNTIL = '2021-09-30';
const COVID_NO_SUBMISSIONS_FROM = '2020-03-13';
const COVID_NO_SUBMISSIONS_UNTIL = '2021-06-01';
/** Per mission type, the chance of each activity being planned. */
const ACTIVITY_CHANCE: Record<MissionType, Partial<Record<Activity, number>>> = {
  IDENTIFICATION: {
    INFO_EXCHANGE_COUNCIL_SERVICES: 0.8,
    TERMS_OF_REFERENCE: 0.7,
    SUPRA_LOCAL_CONTACT: 0.7,
    PREPARATORY_TRAINING: 0.5,
    DELEGATION_MEETINGS: 0.95,
    FIELD_VISITS: 0.6,
    KEY_FIGURE_INTERVIEWS: 0.5,
    PARTNER_ROLE_EXCHANGE: 0.9,
    SUPRA_LOCAL_CONSULTATION: 0.8,
    EVALUATION_MEETING: 0.3,
    PERSONAL_REPORT: 0.9,
    FEEDBACK_LESSONS: 0.6,
    EVALUATION_MOMENTS: 0.3,
  },
  EVALUATION: {
    INFO_EXCHANGE_COUNCIL_SERVICES: 0.5,
    TERMS_OF_REFERENCE: 0.9,
    SUPRA_LOCAL_CONTACT: 0.2,
    PREPARATORY_TRAINING: 0.3,
    DELEGATION_MEETINGS: 0.95,
    FIELD_VISITS: 0.6,
    KEY_FIGURE_INTERVIEWS: 0.7,
    PARTNER_ROLE_EXCHANGE: 0.3,
    SUPRA_LOCAL_CONSULTATION: 0.25,
    EVALUATION_MEETING: 0.95,
    PERSONAL_REPORT: 0.9,
    FEEDBACK_LESSONS: 0.9,
    EVALUATION_MOMENTS: 0.7,
  },
  TECHNICAL: {
    INFO_EXCHANGE_COUNCIL_SERVICES: 0.4,
    TERMS_OF_REFERENCE: 0.8,
    SUPRA_LOCAL_CONTACT: 0.2,
    PREPARATORY_TRAINING: 0.4,
    DELEGATION_MEETINGS: 0.95,
    FIELD_VISITS: 0.9,
    KEY_FIGURE_INTERVIEWS: 0.4,
    PARTNER_ROLE_EXCHANGE: 0.3,
    SUPRA_LOCAL_CONSULTATION: 0.25,
    EVALUATION_MEETING: 0.4,
    PERSONAL_REPORT: 0.9,
    FEEDBACK_LESSONS: 0.6,
    EVALUATION_MOMENTS: 0.3,
  },
  POLITICAL: {
    INFO_EXCHANGE_COUNCIL_SERVICES: 0.9,
    TERMS_OF_REFERENCE: 0.4,
    SUPRA_LOCAL_CONTACT: 0.3,
    PREPARATORY_TRAINING: 0.6,
    DELEGATION_MEETINGS: 0.95,
    FIELD_VISITS: 0.6,
    KEY_FIGURE_INTERVIEWS: 0.9,
    PARTNER_ROLE_EXCHANGE: 0.3,
    SUPRA_LOCAL_CONSULTATION: 0.3,
    EVALUATION_MEETING: 0.4,
    PERSONAL_REPORT: 0.9,
    FEEDBACK_LESSONS: 0.6,
    EVALUATION_MOMENTS: 0.3,
  },
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

/**
 * A strand of the simulation: its own random numbers and command ids, which
 * the actions it schedules inherit. The pipeline runs on a strand of its own,
 * so that adding it leaves the rest of the history's draws and ids as they were.
 */
interface Strand {
  readonly rng: Random;
  readonly commandPrefix: string;
  commands: number;
}

class Simulation implements PipelineHost {
  private readonly store: EventStore;
  readonly context: EventLogContext;
  readonly handlers: CommandHandlers;
  private readonly seed: number;
  readonly scale: number;
  readonly today: string;
  private readonly mainStrand: Strand;
  private strand: Strand;
  private readonly strands: Strand[] = [];
  private readonly agenda = new Agenda();
  private readonly onProgress: ((p: DemoProgress) => void) | undefined;
  private readonly countEventTypes: boolean;

  /** The instant of the running action, and the offset of its latest command. */
  private now = midnight(HISTORY_START);
  private clock = 0;
  private personSeq = 0;
  private readonly municipalities = new Map<string, { name: string; province: Province; registered: boolean }>();
  readonly twinnings: TwinningRt[] = [];
  private readonly staff: StaffRt[] = [];
  readonly requests = new Map<string, RequestRecord>();
  private readonly missions = new Map<string, MissionRecord>();
  private readonly lessons = new Map<string, LessonRecord>();
  /** Writes the lessons' texts with a generator of its own, so texts never shift the history's other draws. */
  private readonly lessonWriter: LessonWriter;
  private readonly plannedByRegionYear = new Map<string, { nisCode: string; startDate: string }[]>();
  readonly firstTrancheOn = new Map<number, string>();

  private readonly n = {
    submitted: 0,
    amended: 0,
    withdrawn: 0,
    accepted: 0,
    declined: { NOT_OPPORTUNE: 0, NO_STAFF_TIME: 0, NO_BUDGET: 0 } as Record<DeclineReason, number>,
    byMissionType: { IDENTIFICATION: 0, EVALUATION: 0, TECHNICAL: 0, POLITICAL: 0 } as Record<MissionType, number>,
    followed: 0,
    against: 0,
    completed: 0,
    cancelled: 0,
    activitiesPlanned: 0,
    activitiesDone: 0,
    reports: 0,
    lessons: 0,
    goodPractices: 0,
    edited: 0,
    retracted: 0,
    contacts: 0,
    advice: 0,
    actorChanges: 0,
    ended: 0,
    allocations: 0,
    capacity: 0,
  };

  constructor(options: DemoOptions) {
    this.store = options.store;
    this.context = new EventLogContext(options.store);
    this.handlers = new CommandHandlers(options.store, this.context);
    this.seed = options.seed ?? 1;
    this.lessonWriter = new LessonWriter(new Random(`${this.seed}/lesson-texts`));
    this.scale = options.scale ?? 1;
    if (!(this.scale >= 1)) throw new RangeError(`scale must be 1 or more, not ${this.scale}`);
    this.today = options.today ?? DEMO_TODAY;
    this.mainStrand = { rng: new Random(this.seed), commandPrefix: `demo-${this.seed}-`, commands: 0 };
    this.strands.push(this.mainStrand);
    this.strand = this.mainStrand;
    this.onProgress = options.onProgress;
    this.countEventTypes = options.countEventTypes ?? true;
  }

  // -- plumbing ------------------------------------------------------------

  /** The random numbers of the running action's strand. */
  get rng(): Random {
    return this.strand.rng;
  }

  /** Commands sent so far, on every strand. */
  private get commandSeq(): number {
    return this.strands.reduce((sum, s) => sum + s.commands, 0);
  }

  /**
   * Runs `plan` on a new strand named `label`: what it schedules, and whatever
   * that schedules in turn, draws from the strand's own random numbers and
   * sends commands with ids `demo-<seed>-<label>-<n>`.
   */
  branch(label: string, plan: () => void): void {
    const strand: Strand = {
      rng: new Random(`${this.seed}/${label}`),
      commandPrefix: `demo-${this.seed}-${label}-`,
      commands: 0,
    };
    this.strands.push(strand);
    const previous = this.strand;
    this.strand = strand;
    try {
      plan();
    } finally {
      this.strand = previous;
    }
  }

  /**
   * Metadata for the next command of the running action: one second after the
   * previous one (plus `delayMs`), so the commands of an action keep their order.
   */
  meta(actor: Actor, delayMs = 0): CommandMetadata {
    this.clock += 1000 + delayMs;
    return {
      commandId: `${this.strand.commandPrefix}${++this.strand.commands}`,
      issuedAt: new Date(this.now + this.clock).toISOString(),
      actor,
    };
  }

  /** Runs one command; a refusal is a bug in the generator or the domain, so it stops the run with the details. */
  async exec<T>(name: string, input: unknown, meta: CommandMetadata, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const e = error as Error;
      throw new Error(
        `Demo command ${name} (${meta.commandId}, issued ${meta.issuedAt} by ${meta.actor.role}) failed: ` +
          `${e.name}: ${e.message}\ninput: ${JSON.stringify(input)}`,
        { cause: error },
      );
    }
  }

  /** Schedules an action on `date` (at an office hour), on the strand of the action that schedules it. */
  on(date: string, run: () => Promise<void>, rng: Random = this.rng): void {
    const strand = this.strand;
    this.agenda.schedule(officeTime(date, rng), () => {
      this.strand = strand;
      return run();
    });
  }

  private person(rng: Random, country?: string, fn?: string): Person {
    const names = country ? southernNames[country] : undefined;
    const name = names
      ? `${rng.pick(names.first)} ${rng.pick(names.last)}`
      : `${rng.pick(flemishFirstNames)} ${rng.pick(flemishLastNames)}`;
    const personId = deterministicUuidv7(midnight(HISTORY_START), `demo/${this.seed}/person/${++this.personSeq}`);
    return fn ? { personId, name, function: fn } : { personId, name };
  }

  coordinatorActor(t: TwinningRt): Actor {
    return { id: `coordinator-${t.seed.nisCode}`, role: 'COORDINATOR', nisCode: t.seed.nisCode };
  }

  private followUpStaff(countryCode: string, date: string): StaffRt {
    const active = this.staff.filter((s) => s.id && this.isActive(s, date, date));
    return (
      active.find((s) => s.seed.countries.includes(countryCode)) ??
      active.find((s) => s.seed.countries.length === 0) ??
      active[0]!
    );
  }

  private isActive(s: StaffRt, from: string, to: string): boolean {
    return s.seed.from <= from && (s.seed.until === undefined || s.seed.until >= to);
  }

  // -- setup ---------------------------------------------------------------

  private buildWorld(): void {
    for (const m of knownMunicipalities) this.municipalities.set(m.nisCode, { ...m, registered: false });
    const setupRng = this.rng.fork('world');
    const addTwinning = (seed: TwinningSeed) => {
      const rng = this.rng.fork(`twinning/${seed.key}`);
      this.twinnings.push({
        seed,
        municipality: this.municipalities.get(seed.nisCode)!.name,
        rng,
        coordinator: this.person(rng, undefined, rng.pick(coordinatorFunctions)),
        southContact: this.person(rng, seed.countryCode, 'point focal'),
        plannedVisits: 0,
        requests: [],
      });
    };
    for (const t of knownTwinnings) addTwinning(t);

    // Larger scales: synthetic municipalities (valid, unused NIS codes) and twinnings.
    const extra = Math.round(knownTwinnings.length * (this.scale - 1));
    const usedNames = new Set([...this.municipalities.values()].map((m) => m.name));
    const countryWeights: Record<string, number> = {
      BJ: 3,
      SN: 2,
      ZA: 2,
      NI: 1.5,
      EC: 1.5,
      RW: 1.5,
      MA: 0.8,
      PE: 0.4,
      BO: 0.4,
      GT: 0.4,
    };
    const regionWeights = partnerRegions.map((r) => [r, countryWeights[r.code.slice(0, 2)] ?? 0.3] as const);
    const domains = Object.keys(lessonTemplates) as PolicyDomain[];
    for (let i = 0; i < extra; i++) {
      const arr = arrondissements[i % arrondissements.length]!;
      const suffix = 300 + Math.floor(i / arrondissements.length);
      if (suffix > 999) throw new RangeError(`scale ${this.scale} needs more synthetic NIS codes than the demo has`);
      const nisCode = `${arr.prefix}${suffix}`;
      let name = `${setupRng.pick(placeNameParts.first)}${setupRng.pick(placeNameParts.second)}`;
      if (usedNames.has(name)) name = `${name}-${nisCode}`;
      usedNames.add(name);
      this.municipalities.set(nisCode, { name, province: arr.province, registered: false });
      const region = setupRng.weighted(regionWeights);
      const commune = setupRng.pick(region.communes);
      const sinceYear = setupRng.chance(0.8) ? setupRng.int(1998, 2016) : setupRng.int(2017, 2025);
      addTwinning({
        key: `synthetic-${nisCode}`,
        nisCode,
        partnerName: commune,
        countryCode: region.code.slice(0, 2),
        regionCode: region.code,
        since: `${sinceYear}-${String(setupRng.int(1, 12)).padStart(2, '0')}-01`,
        policyDomains: setupRng.sample(domains, setupRng.int(2, 4)),
        known: false,
        activity: 0.7 + setupRng.next() * 0.6,
        sdgPartnership: ['BJ', 'RW'].includes(region.code.slice(0, 2)) && setupRng.chance(0.2),
      });
    }

    // Staff: the eight demo members; larger scales add members (√scale) with more days each (√scale), so that
    // capacity keeps up with demand. Days are capped at what a year holds, so beyond scale ~100 members are
    // added in proportion to the scale instead, and the history keeps growing with it.
    const factor = Math.sqrt(this.scale);
    const daysFor = (base: number) => Math.min(366, Math.round(base * factor));
    for (const s of knownStaff) {
      this.staff.push({ seed: s, actor: { id: `staff-${s.key}`, role: 'STAFF' }, days: daysFor(s.days) });
    }
    // Uncapped, the members would hold about 500 days per unit of scale: 1.4 members of 366 days.
    const total = Math.max(Math.round(knownStaff.length * factor), Math.ceil(1.4 * this.scale));
    const countries = ['BJ', 'SN', 'ZA', 'NI', 'EC', 'RW', 'MA'];
    for (let i = knownStaff.length; i < total; i++) {
      const key = `staff${i}`;
      const from = setupRng.chance(0.75)
        ? HISTORY_START
        : `${setupRng.int(2018, 2025)}-${setupRng.pick(['02', '09'])}-01`;
      const until = setupRng.chance(0.15) ? `${setupRng.int(2019, 2025)}-06-30` : undefined;
      const seed: StaffSeed = {
        key,
        name: `${setupRng.pick(flemishFirstNames)} ${setupRng.pick(flemishLastNames)}`,
        from,
        ...(until && until > from ? { until } : {}),
        days: 55 + setupRng.int(0, 15),
        countries: [countries[i % countries.length]!],
      };
      this.staff.push({ seed, actor: { id: `staff-${key}`, role: 'STAFF' }, days: daysFor(seed.days) });
    }
  }

  private scheduleTimeline(): void {
    const start = HISTORY_START;
    // The platform's first day: staff, municipalities and twinnings known at the start, the 2017 budget.
    this.on(start, () => this.bootstrap());
    for (const s of this.staff) if (s.seed.from > start) this.on(workday(s.seed.from), () => this.registerStaff(s));
    for (const t of this.twinnings) {
      if (t.seed.since > start) this.on(workday(t.seed.since), () => this.establish(t));
    }
    // Budgets: first tranche after the budget round in the autumn before, second in June.
    for (let year = 2017; year <= yearOfDate(this.today) + 1; year++) {
      const b = budgetFor(year);
      const firstOn = year === 2017 ? '2017-01-03' : workday(`${year - 1}-10-15`);
      this.firstTrancheOn.set(year, firstOn);
      this.on(firstOn, () => this.allocate(year, b.first, 'Eerste schijf na de begrotingsronde'));
      this.on(workday(`${year}-06-10`), () =>
        this.allocate(year, b.second, 'Tweede schijf na de begrotingsaanpassing'),
      );
      if (year > 2017) this.on(workday(`${year}-01-04`), () => this.declareCapacities(year));
    }
    // Requests are planned per year: for 2017 on the first days, then every August for the year after.
    this.on('2017-01-04', () => this.planYear(2017, '2017-01-04'));
    for (let year = 2018; year <= yearOfDate(this.today) + 1; year++) {
      const on = workday(`${year - 1}-08-20`);
      this.on(on, () => this.planYear(year, on));
    }
    this.scheduleActorChanges();
    this.scheduleContacts();
    // What is on VVSG's desk today: requests for the coming year, on a strand of its own.
    this.branch('pipeline', () => schedulePipeline(this));
    // The pandemic: trips stop in March 2020.
    this.on('2020-03-16', () => this.covid());
    // Federal funding for Peru, Bolivia and Guatemala stopped at the end of 2019.
    for (const t of this.twinnings) {
      if (['PE', 'BO', 'GT'].includes(t.seed.countryCode) && t.seed.since < '2020-01-15') {
        this.on(workday(plusDays('2020-01-13', t.rng.int(0, 20))), () =>
          this.contact(t, 'funding', 'MEETING', undefined),
        );
      }
      const ended = t.seed.ended;
      if (ended) this.on(workday(ended.on), () => this.end(t, ended.on, ended.reason));
    }
  }

  private scheduleActorChanges(): void {
    const last = this.today;
    for (const t of this.twinnings) {
      const rng = t.rng.fork('actors');
      const established = maxDate(HISTORY_START, t.seed.since);
      const alive = (d: string) => d > established && d <= last && (!t.seed.ended || d < t.seed.ended.on);
      const change = (changedOn: string, side: 'NORTH' | 'SOUTH', kind: ActorKind, recordOn: string) => {
        if (alive(changedOn) && alive(recordOn))
          this.on(recordOn, () => this.actorChange(t, side, kind, changedOn), rng);
      };
      // Belgian municipal elections: new coalitions from January.
      for (const election of belgianElections) {
        const installed = `${yearOfDate(election) + 1}-01-03`;
        const recordOn = () => workday(plusDays(installed, rng.int(3, 40)));
        if (rng.chance(0.55)) change(installed, 'NORTH', 'COALITION', recordOn());
        if (rng.chance(0.3)) change(installed, 'NORTH', 'MAYOR', recordOn());
        if (rng.chance(0.5)) change(installed, 'NORTH', 'ALDERMAN', recordOn());
      }
      for (const election of southernElections[t.seed.countryCode] ?? []) {
        const changedOn = plusDays(election, rng.int(0, 20));
        if (rng.chance(0.6)) change(changedOn, 'SOUTH', 'MAYOR', workday(plusDays(changedOn, rng.int(10, 60))));
        if (rng.chance(0.35)) change(changedOn, 'SOUTH', 'COALITION', workday(plusDays(changedOn, rng.int(10, 60))));
      }
      // Turnover of coordinators and officials.
      for (let year = 2017; year <= yearOfDate(last); year++) {
        const turnover: [number, 'NORTH' | 'SOUTH', ActorKind][] = [
          [0.12, 'NORTH', 'COORDINATOR'],
          [0.07, 'SOUTH', 'COORDINATOR'],
          [0.03, 'NORTH', 'SECRETARY_GENERAL'],
          [0.02, 'NORTH', 'COMMITTEE'],
        ];
        for (const [p, side, kind] of turnover) {
          if (!rng.chance(p)) continue;
          const changedOn = dateBetween(`${year}-01-15`, `${year}-12-10`, rng);
          change(changedOn, side, kind, workday(plusDays(changedOn, rng.int(2, 30))));
        }
      }
    }
  }

  private scheduleContacts(): void {
    for (const t of this.twinnings) {
      const rng = t.rng.fork('contacts');
      for (let year = 2017; year <= yearOfDate(this.today); year++) {
        if (!rng.chance(0.6)) continue;
        const on = workday(dateBetween(`${year}-02-01`, `${year}-12-15`, rng));
        const established = maxDate(HISTORY_START, t.seed.since);
        if (on <= established || on > this.today || (t.seed.ended && on >= t.seed.ended.on)) continue;
        const pandemic = on >= '2020-03-16' && on <= '2021-06-30';
        const channel: ContactChannel = pandemic
          ? 'VIDEO_CALL'
          : rng.weighted<ContactChannel>([
              ['MEETING', 3],
              ['VIDEO_CALL', year >= 2020 ? 3 : 0.5],
              ['PHONE', 2],
              ['EMAIL', 1],
            ]);
        this.on(on, () => this.contact(t, pandemic ? 'covid' : 'yearly', channel, undefined), rng);
      }
    }
  }

  // -- actions: setup and resources -----------------------------------------

  private async bootstrap(): Promise<void> {
    for (const s of this.staff) if (s.seed.from <= HISTORY_START) await this.registerStaff(s);
    for (const t of this.twinnings) if (t.seed.since <= HISTORY_START) await this.establish(t);
  }

  private async registerStaff(s: StaffRt): Promise<void> {
    const meta = this.meta(MANAGEMENT);
    const year = yearOfDate(s.seed.from);
    // Someone starting in the autumn declares a share of the year.
    const share = (12 - (Number(s.seed.from.slice(5, 7)) - 1)) / 12;
    const input = {
      name: s.seed.name,
      email: `${slug(s.seed.name)}@vvsg.example`,
      daysPerYear: Math.max(1, Math.round(s.days * share)),
      fromYear: year,
    };
    const r = await this.exec('registerStaffMember', input, meta, () => this.handlers.registerStaffMember(input, meta));
    s.id = r.id;
    this.n.capacity++;
  }

  private async establish(t: TwinningRt): Promise<void> {
    const date = toDate(this.now);
    const m = this.municipalities.get(t.seed.nisCode)!;
    if (!m.registered) {
      const input = { nisCode: t.seed.nisCode, name: m.name, province: m.province };
      const meta = this.meta(MANAGEMENT);
      await this.exec('registerMunicipality', input, meta, () => this.handlers.registerMunicipality(input, meta));
      m.registered = true;
    }
    const input = {
      nisCode: t.seed.nisCode,
      partnerName: t.seed.partnerName,
      countryCode: t.seed.countryCode,
      regionCode: t.seed.regionCode,
      since: t.seed.since,
      programme: programmeOf(t.seed, yearOfDate(date)),
      policyDomains: [...t.seed.policyDomains],
    };
    const meta = this.meta(MANAGEMENT);
    const r = await this.exec('establishTwinning', input, meta, () => this.handlers.establishTwinning(input, meta));
    t.id = r.id;
  }

  private async end(t: TwinningRt, endedOn: string, reason: string): Promise<void> {
    if (!t.id || t.endedOn) return;
    const input = { twinningId: t.id, endedOn, reason };
    const meta = this.meta(MANAGEMENT);
    await this.exec('endTwinning', input, meta, () => this.handlers.endTwinning(input, meta));
    t.endedOn = endedOn;
    this.n.ended++;
    // Its undecided requests lapse.
    for (const r of this.requests.values()) {
      if (r.twinning === t && r.status === 'SUBMITTED') await this.withdraw(r, reason);
    }
  }

  async allocate(year: number, amount: number, note: string): Promise<void> {
    const input = { year, amountEur: Math.round(amount * this.scale), note };
    const meta = this.meta(MANAGEMENT);
    await this.exec('allocateBudget', input, meta, () => this.handlers.allocateBudget(input, meta));
    this.n.allocations++;
  }

  async declareCapacities(year: number): Promise<void> {
    const availability = new Map((await this.context.staffAvailability(year)).map((a) => [a.staffMemberId, a]));
    for (const s of this.staff) {
      if (!s.id) continue;
      const until = s.seed.until;
      const leftBefore = until !== undefined && until < `${year}-01-01`;
      // Someone who left declares nothing from the next year on (once); someone leaving declares a share.
      if (leftBefore && until < `${year - 1}-01-01`) continue;
      const booked = availability.get(s.id)?.bookedDays ?? 0;
      const share = until !== undefined && until < `${year}-12-31` ? Number(until.slice(5, 7)) / 12 : undefined;
      const planned = leftBefore ? 0 : Math.round(s.days * (share ?? 0.85 + this.rng.next() * 0.3));
      const input = { staffMemberId: s.id, year, days: Math.min(366, Math.max(booked, planned)) };
      const meta = this.meta(MANAGEMENT);
      await this.exec('declareStaffCapacity', input, meta, () => this.handlers.declareStaffCapacity(input, meta));
      this.n.capacity++;
    }
  }

  // -- actions: twinning life -----------------------------------------------

  private async actorChange(t: TwinningRt, side: 'NORTH' | 'SOUTH', kind: ActorKind, changedOn: string): Promise<void> {
    if (!t.id || t.endedOn) return;
    const rng = this.rng;
    let person: Person | undefined;
    if (kind === 'COORDINATOR' || kind === 'MAYOR' || kind === 'ALDERMAN') {
      person = side === 'NORTH' ? this.person(rng) : this.person(rng, t.seed.countryCode);
    }
    const input = {
      twinningId: t.id,
      side,
      actorKind: kind,
      changedOn,
      description: fill(actorChangeDescriptions[side][kind], { year: yearOfDate(changedOn) - 1 }),
      ...(person ? { person: { personId: person.personId, name: person.name } } : {}),
    };
    const staff = this.followUpStaff(t.seed.countryCode, toDate(this.now));
    const meta = this.meta(staff.actor);
    await this.exec('recordActorChange', input, meta, () => this.handlers.recordActorChange(input, meta));
    this.n.actorChanges++;
    if (kind === 'COORDINATOR' && person) {
      if (side === 'NORTH') {
        t.coordinator = { ...person, function: 'stedenbandcoördinator' };
        if (rng.chance(0.7))
          this.on(workday(plusDays(toDate(this.now), rng.int(3, 20))), () => this.contact(t, 'renewal', 'MEETING'));
      } else {
        t.southContact = { ...person, function: 'point focal' };
      }
    }
    // A new coalition or mayor: VVSG sometimes advises a political mission; the municipality decides.
    if ((kind === 'COALITION' || kind === 'MAYOR') && rng.chance(0.25)) {
      const on = workday(plusDays(toDate(this.now), rng.int(10, 60)));
      if (on <= this.today)
        this.on(on, async () => {
          await this.advise(t, 'POLITICAL', ['ACTOR_RENEWAL']);
        });
    }
  }

  async contact(
    t: TwinningRt,
    kind: keyof typeof contactSummaries,
    channel: ContactChannel,
    requestId?: string,
  ): Promise<void> {
    if (!t.id) return;
    const date = toDate(this.now);
    const staff = this.followUpStaff(t.seed.countryCode, date);
    const person = kind === 'covid' && this.rng.chance(0.3) ? t.southContact : t.coordinator;
    const input = {
      twinningId: t.id,
      ...(requestId ? { requestId } : {}),
      contactedOn: date,
      channel,
      person: {
        personId: person.personId,
        name: person.name,
        ...(person.function ? { function: person.function } : {}),
      },
      staffMemberId: staff.id!,
      summary: this.rng.pick(contactSummaries[kind]),
    };
    const meta = this.meta(staff.actor, 30 * 60_000);
    await this.exec('logContact', input, meta, () => this.handlers.logContact(input, meta));
    this.n.contacts++;
  }

  private async advise(
    t: TwinningRt,
    missionType: MissionType,
    reasons: AdditionalReason[],
    requestId?: string,
  ): Promise<string | undefined> {
    if (!t.id || t.endedOn) return undefined;
    const staff = this.followUpStaff(t.seed.countryCode, toDate(this.now));
    const input = {
      twinningId: t.id,
      nisCode: t.seed.nisCode,
      missionType,
      reasons,
      rationale: this.rng.pick(adviceRationales[missionType]),
      ...(requestId ? { requestId } : {}),
    };
    const meta = this.meta(staff.actor);
    const r = await this.exec('adviseAccompaniment', input, meta, () => this.handlers.adviseAccompaniment(input, meta));
    this.n.advice++;
    return r.id;
  }

  // -- planning requests -----------------------------------------------------

  private planYear(year: number, planDate: string): Promise<void> {
    for (const t of this.twinnings) {
      const rng = t.rng;
      if (t.seed.ended && t.seed.ended.on < `${year}-01-01`) continue;
      const covered = programmeCovers(t.seed.countryCode, year);
      const lateLatin = ['PE', 'BO', 'GT'].includes(t.seed.countryCode);
      const multiplier = covered ? 1 : lateLatin ? 0 : 0.3;
      const sinceYear = yearOfDate(t.seed.since);
      const isNew = year - sinceYear <= 1 && t.plannedVisits === 0;
      const count = Math.min(3, rng.poisson(t.seed.activity * multiplier * (isNew ? 1.5 : 1)));
      for (let i = 0; i < count; i++) {
        const visit = this.drawVisit(t, year, planDate, isNew && i === 0);
        if (!visit) continue;
        t.plannedVisits++;
        if (rng.chance(visit.missionType === 'IDENTIFICATION' || visit.missionType === 'EVALUATION' ? 0.25 : 0.1)) {
          const earliest = plusDays(maxDate(planDate, maxDate(HISTORY_START, t.seed.since)), 1);
          const adviseOn = workday(maxDate(earliest, plusDays(visit.submitOn, -rng.int(7, 30))));
          if (adviseOn < visit.submitOn) {
            this.on(
              adviseOn,
              async () => {
                visit.adviceId = await this.advise(t, visit.missionType, visit.claimedReasons.slice(0, 2));
              },
              rng,
            );
          }
        }
        this.on(visit.submitOn, () => this.submit(visit), rng);
      }
    }
    return Promise.resolve();
  }

  private drawVisit(t: TwinningRt, year: number, planDate: string, first: boolean): PlannedVisit | undefined {
    const rng = t.rng;
    const missionType = first
      ? rng.weighted<MissionType>([
          ['IDENTIFICATION', 0.7],
          ['TECHNICAL', 0.2],
          ['POLITICAL', 0.1],
        ])
      : rng.weighted<MissionType>([
          ['IDENTIFICATION', 0.06],
          ['EVALUATION', 0.2 + (year === 2021 || year === 2026 ? 0.3 : 0) + (year === 2023 ? 0.1 : 0)],
          ['TECHNICAL', 0.5],
          ['POLITICAL', 0.14 + (year === 2019 || year === 2025 ? 0.2 : 0)],
        ]);
    const [minDays, maxDays] = DURATION[missionType];
    const duration = rng.int(minDays, maxDays);
    const month = rng.weighted(MONTH_WEIGHTS.map((w, i) => [i + 1, w] as const));
    let startDate = `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    // Synchronise with another municipality's visit to the same region now and then (COMBINED_VISITS).
    const regionKey = `${t.seed.regionCode}/${year}`;
    const others = (this.plannedByRegionYear.get(regionKey) ?? []).filter((v) => v.nisCode !== t.seed.nisCode);
    let combined = false;
    if (others.length > 0 && rng.chance(0.3)) {
      startDate = plusDays(rng.pick(others).startDate, rng.int(-7, 7));
      combined = true;
    }
    if (yearOfDate(startDate) !== year) return undefined;
    const endDate = plusDays(startDate, duration - 1);
    const established = maxDate(HISTORY_START, t.seed.since);
    const earliest = plusDays(maxDate(planDate, established), 7);
    let submitOn = workday(plusDays(startDate, -rng.int(45, 120)));
    if (submitOn < earliest) submitOn = workday(plusDays(earliest, rng.int(0, 10)));
    if (daysFrom(submitOn, startDate) < 30 || startDate < '2017-03-01') return undefined;
    if (submitOn >= COVID_NO_SUBMISSIONS_FROM && submitOn < COVID_NO_SUBMISSIONS_UNTIL) return undefined;
    if (startDate >= COVID_FROM && startDate <= COVID_UNTIL && submitOn >= COVID_NO_SUBMISSIONS_FROM) return undefined;
    if (t.seed.ended && submitOn >= t.seed.ended.on) return undefined;

    const claimed = new Set<AdditionalReason>();
    for (const [reason, p] of Object.entries(CLAIMS[missionType]) as [AdditionalReason, number][]) {
      if (rng.chance(p)) claimed.add(reason);
    }
    if (missionType === 'POLITICAL' && (year === 2019 || year === 2025) && rng.chance(0.6))
      claimed.add('ACTOR_RENEWAL');
    if (combined && rng.chance(0.5)) claimed.add('COMBINED_VISITS');
    const [minSize, maxSize] = DELEGATION[missionType];
    const domains =
      missionType === 'IDENTIFICATION' && rng.chance(0.5)
        ? []
        : rng.sample(t.seed.policyDomains, missionType === 'TECHNICAL' ? rng.int(1, 2) : rng.int(1, 3));
    const list = this.plannedByRegionYear.get(regionKey) ?? [];
    list.push({ nisCode: t.seed.nisCode, startDate });
    this.plannedByRegionYear.set(regionKey, list);
    const delegationSize = rng.int(minSize, maxSize);
    return {
      twinning: t,
      missionType,
      startDate,
      endDate,
      submitOn,
      delegationSize,
      policyDomains: domains,
      claimedReasons: AdditionalReasons.codes.filter((r) => claimed.has(r)),
      programme: programmeOf(t.seed, year),
      ...(rng.chance(0.3)
        ? { notes: `Delegatie van ${delegationSize} personen; programma in overleg met ${t.seed.partnerName}.` }
        : {}),
      withContact: rng.chance(0.6),
    };
  }

  // -- request lifecycle ---------------------------------------------------

  private async submit(v: PlannedVisit): Promise<void> {
    const t = v.twinning;
    if (!t.id || t.endedOn) return;
    const date = toDate(this.now);
    const input = {
      twinningId: t.id,
      missionType: v.missionType,
      startDate: v.startDate,
      endDate: v.endDate,
      delegationSize: v.delegationSize,
      programme: v.programme,
      policyDomains: v.policyDomains,
      claimedReasons: v.claimedReasons,
      ...(v.notes ? { notes: v.notes } : {}),
      ...(v.withContact ? { contact: { personId: t.coordinator.personId, name: t.coordinator.name } } : {}),
      ...(v.adviceId ? { adviceId: v.adviceId } : {}),
    };
    const meta = this.meta(this.coordinatorActor(t));
    const { id: requestId } = await this.exec('submitRequest', input, meta, () =>
      this.handlers.submitRequest(input, meta),
    );
    const record: RequestRecord = {
      requestId,
      twinning: t,
      missionType: v.missionType,
      startDate: v.startDate,
      endDate: v.endDate,
      delegationSize: v.delegationSize,
      claimedReasons: [...v.claimedReasons],
      policyDomains: [...v.policyDomains],
      status: 'SUBMITTED',
      submittedOn: date,
    };
    this.recordRequest(record);
    const rng = this.rng;
    if (rng.chance(0.45)) {
      await this.contact(t, 'intake', rng.pick<ContactChannel>(['PHONE', 'EMAIL', 'MEETING', 'VIDEO_CALL']), requestId);
    }
    const decisionOn = workday(plusDays(date, rng.int(7, 25)));
    if (rng.chance(0.06)) {
      this.on(workday(plusDays(date, rng.int(2, daysFrom(date, decisionOn) - 1))), () =>
        this.withdraw(record, rng.pick(withdrawalReasons)),
      );
    } else if (rng.chance(0.09)) {
      this.on(workday(plusDays(date, rng.int(1, daysFrom(date, decisionOn) - 2))), () => this.amend(record));
    }
    this.on(decisionOn, () => this.decide(record));
  }

  /** Keeps a submitted request (and counts it), so that later actions see it. */
  recordRequest(r: RequestRecord): void {
    this.requests.set(r.requestId, r);
    r.twinning.requests.push(r);
    this.n.submitted++;
    this.n.byMissionType[r.missionType]++;
  }

  async withdraw(r: RequestRecord, reason: string): Promise<void> {
    if (r.status !== 'SUBMITTED') return;
    const input = { requestId: r.requestId, reason };
    const meta = this.meta(this.coordinatorActor(r.twinning), 60_000);
    await this.exec('withdrawRequest', input, meta, () => this.handlers.withdrawRequest(input, meta));
    r.status = 'WITHDRAWN';
    this.n.withdrawn++;
  }

  private async amend(r: RequestRecord): Promise<void> {
    if (r.status !== 'SUBMITTED') return;
    const rng = this.rng;
    const kind = rng.weighted<'dates' | 'reason' | 'size'>([
      ['dates', 0.5],
      ['reason', 0.3],
      ['size', 0.2],
    ]);
    const input: {
      requestId: string;
      startDate?: string;
      endDate?: string;
      claimedReasons?: AdditionalReason[];
      delegationSize?: number;
      notes: string;
    } = { requestId: r.requestId, notes: rng.pick(amendmentNotes) };
    const missing = (['CONTENT_PROBLEMS', 'RELATIONAL_PROBLEMS', 'EXPERTISE_ACTIVITIES'] as const).filter(
      (x) => !r.claimedReasons.includes(x),
    );
    if (kind === 'dates' && yearOfDate(plusDays(r.endDate, 21)) === yearOfDate(r.startDate)) {
      const shift = rng.int(7, 21);
      input.startDate = plusDays(r.startDate, shift);
      input.endDate = plusDays(r.endDate, shift);
    } else if (kind !== 'size' && missing.length > 0) {
      const added = new Set([...r.claimedReasons, rng.pick(missing)]);
      input.claimedReasons = AdditionalReasons.codes.filter((x) => added.has(x));
    } else {
      input.delegationSize = r.delegationSize === 60 ? 59 : r.delegationSize + rng.int(1, 3);
    }
    const meta = this.meta(this.coordinatorActor(r.twinning));
    await this.exec('amendRequest', input, meta, () => this.handlers.amendRequest(input, meta));
    if (input.startDate && input.endDate) {
      r.startDate = input.startDate;
      r.endDate = input.endDate;
    }
    if (input.claimedReasons) r.claimedReasons = input.claimedReasons;
    if (input.delegationSize) r.delegationSize = input.delegationSize;
    this.n.amended++;
  }

  async latestAssessment(
    requestId: string,
  ): Promise<{ recommendation: 'ACCEPT' | 'DECLINE'; declineReason?: DeclineReason }> {
    let latest: { recommendation: 'ACCEPT' | 'DECLINE'; declineReason?: DeclineReason } | undefined;
    for await (const e of this.store.readStream(requestStream(requestId))) {
      if (e.type === 'AccompanimentRequestAssessed') latest = e.data as typeof latest;
    }
    if (!latest) throw new Error(`Request ${requestId} has no assessment`);
    return latest;
  }

  /**
   * VVSG's decision: usually the recorded recommendation, sometimes not (a
   * judgement call, or the facts changed since the assessment: a budget
   * tranche arrived, days were released). Acceptance needs a staff member
   * with enough free days and enough unreserved budget, whatever was advised.
   */
  private async decide(r: RequestRecord): Promise<void> {
    if (r.status !== 'SUBMITTED') return;
    const rng = this.rng;
    const date = toDate(this.now);
    const assessment = await this.latestAssessment(r.requestId);
    const year = yearOfDate(r.startDate);
    const { candidates, budget, budgetOk } = await this.feasibility(r, date);

    // The budget of the visit's year is not allocated yet: wait for the budget round, or decline now.
    if (
      assessment.declineReason === 'NO_BUDGET' &&
      budget.allocatedEur === 0 &&
      rng.chance(0.6) &&
      !r.claimedReasons.includes('RELATIONAL_PROBLEMS')
    ) {
      const allocation = this.firstTrancheOn.get(year);
      const later = allocation ? workday(plusDays(allocation, rng.int(2, 10))) : undefined;
      if (later && later > date && daysFrom(later, r.startDate) >= 10) {
        this.on(later, () => this.decide(r));
        return;
      }
    }

    let intent: 'ACCEPT' | DeclineReason;
    if (assessment.recommendation === 'ACCEPT') intent = rng.chance(0.07) ? 'NOT_OPPORTUNE' : 'ACCEPT';
    else if (assessment.declineReason === 'NOT_OPPORTUNE') intent = rng.chance(0.12) ? 'ACCEPT' : 'NOT_OPPORTUNE';
    else if (assessment.declineReason === 'NO_STAFF_TIME')
      intent = candidates.length > 0 && rng.chance(0.6) ? 'ACCEPT' : 'NO_STAFF_TIME';
    else intent = budgetOk && rng.chance(0.7) ? 'ACCEPT' : 'NO_BUDGET';
    if (intent === 'ACCEPT' && candidates.length === 0) intent = 'NO_STAFF_TIME';
    else if (intent === 'ACCEPT' && !budgetOk) intent = 'NO_BUDGET';

    const followed = intent === 'ACCEPT' ? assessment.recommendation === 'ACCEPT' : assessment.declineReason === intent;
    this.countDecision(followed);

    if (intent !== 'ACCEPT') {
      const note =
        followed || intent !== 'NOT_OPPORTUNE' ? rng.pick(declineNotes[intent]) : rng.pick(overrideDeclineNotes);
      await this.decline(r, intent, note);
      return;
    }
    const note = followed ? rng.pick(acceptNotes[r.missionType]) : rng.pick(overrideAcceptNotes);
    await this.accept(r, candidates[0]!.s, note);
  }

  /**
   * What accepting a request needs on the running day: the staff members who
   * are on the programme until its processing is done and have the days free
   * (those following its country first, then by free days), and its cost
   * against the unreserved budget of the visit's year.
   */
  async feasibility(
    r: RequestRecord,
    date: string,
  ): Promise<{ candidates: { s: StaffRt; free: number }[]; budget: BudgetStatus; budgetOk: boolean }> {
    const year = yearOfDate(r.startDate);
    const policy = this.handlers.policy;
    const days = visitDays(r.startDate, r.endDate);
    const daysNeeded = policy.preparationDays + days + policy.processingDays;
    const cost = policy.costs[r.twinning.seed.countryCode] ?? policy.defaultCost;
    const costEur = round2(cost.travelEur + cost.dailyAllowanceEur * days);
    const [availability, budget] = await Promise.all([
      this.context.staffAvailability(year),
      this.context.budgetStatus(year),
    ]);
    const processedBy = plusDays(r.endDate, 14);
    const candidates = this.staff
      .filter((s) => s.id && this.isActive(s, date, processedBy))
      .map((s) => ({ s, free: availability.find((a) => a.staffMemberId === s.id)?.freeDays ?? 0 }))
      .filter((c) => c.free >= daysNeeded)
      .sort(
        (a, b) =>
          Number(b.s.seed.countries.includes(r.twinning.seed.countryCode)) -
            Number(a.s.seed.countries.includes(r.twinning.seed.countryCode)) ||
          b.free - a.free ||
          a.s.seed.key.localeCompare(b.s.seed.key),
      );
    return { candidates, budget, budgetOk: budget.unreservedEur >= costEur };
  }

  /** Tallies whether a decision follows the recorded recommendation. */
  countDecision(followed: boolean): void {
    if (followed) this.n.followed++;
    else this.n.against++;
  }

  async decline(r: RequestRecord, reason: DeclineReason, note: string): Promise<void> {
    const meta = this.meta(HEAD_OF_DEPARTMENT);
    const input = { requestId: r.requestId, decision: 'DECLINE' as const, declineReason: reason, note };
    await this.exec('decideRequest', input, meta, () => this.handlers.decideRequest(input, meta));
    r.status = 'DECLINED';
    this.n.declined[reason]++;
  }

  /** Accepts with `chosen` as the accompanying staff member and runs the mission that the acceptance scheduled. */
  async accept(r: RequestRecord, chosen: StaffRt, note: string): Promise<void> {
    const rng = this.rng;
    const date = toDate(this.now);
    const meta = this.meta(HEAD_OF_DEPARTMENT);
    const input = { requestId: r.requestId, decision: 'ACCEPT' as const, staffMemberId: chosen.id!, note };
    await this.exec('decideRequest', input, meta, () => this.handlers.decideRequest(input, meta));
    r.status = 'ACCEPTED';
    this.n.accepted++;
    let accepted: { missionId: string; bookedDays: number; reservedBudgetEur: number } | undefined;
    for await (const e of this.store.readStream(requestStream(r.requestId))) {
      if (e.type === 'AccompanimentAccepted') accepted = e.data as typeof accepted;
    }
    if (!accepted) throw new Error(`Request ${r.requestId} was accepted but has no acceptance event`);
    const mission: MissionRecord = {
      missionId: accepted.missionId,
      request: r,
      staff: chosen,
      bookedDays: accepted.bookedDays,
      reservedBudgetEur: accepted.reservedBudgetEur,
      completeOn: workday(plusDays(r.endDate, rng.int(15, 45))),
      status: 'SCHEDULED',
      activities: [],
      reportFiled: false,
    };
    this.missions.set(mission.missionId, mission);
    this.scheduleMission(mission, date);
  }

  // -- mission lifecycle -----------------------------------------------------

  private scheduleMission(m: MissionRecord, decidedOn: string): void {
    const rng = this.rng;
    const { startDate, endDate } = m.request;
    const lastBefore = plusDays(startDate, -1);
    if (rng.chance(0.05) && !(startDate >= COVID_FROM && startDate <= COVID_UNTIL)) {
      const on = dateBetween(plusDays(decidedOn, 2), lastBefore, rng);
      if (on > decidedOn) this.on(on, () => this.cancel(m, rng.pick(cancellationReasons)));
    }
    const planOn = minDate(workday(plusDays(decidedOn, rng.int(1, 4))), lastBefore);
    this.on(planOn, () => this.planActivities(m));
    const reportOn = plusDays(endDate, rng.int(3, Math.max(3, daysFrom(endDate, m.completeOn) - 2)));
    if (rng.chance(0.7)) this.on(workday(minDate(reportOn, plusDays(m.completeOn, -1))), () => this.fileReport(m));
    this.on(m.completeOn, () => this.complete(m));
    if (rng.chance(0.5)) {
      this.on(workday(plusDays(endDate, rng.int(5, 20))), () =>
        this.contact(m.request.twinning, 'afterVisit', 'MEETING'),
      );
    }
  }

  private async planActivities(m: MissionRecord): Promise<void> {
    if (m.status !== 'SCHEDULED') return;
    const rng = this.rng;
    const date = toDate(this.now);
    const { startDate, endDate, missionType } = m.request;
    const chances = ACTIVITY_CHANCE[missionType];
    for (const activity of Activities.codes) {
      if (!rng.chance(chances[activity] ?? 0)) continue;
      const notes = activityNotes[activity];
      const input = {
        missionId: m.missionId,
        activity,
        plannedOn: date,
        staffMemberId: m.staff.id!,
        ...(notes && rng.chance(0.5) ? { note: rng.pick(notes) } : {}),
      };
      const meta = this.meta(m.staff.actor);
      const { id } = await this.exec('planActivity', input, meta, () => this.handlers.planActivity(input, meta));
      const phase = Activities.get(activity).phase;
      const record: ActivityRecord = { activityId: id, activity, phase, done: false };
      m.activities.push(record);
      this.n.activitiesPlanned++;
      const lastProcessing = plusDays(m.completeOn, -1);
      let doneOn: string;
      let recordOn: string;
      let daysSpent: number;
      if (phase === 'PREPARATION') {
        doneOn = dateBetween(minDate(plusDays(date, 1), plusDays(startDate, -1)), plusDays(startDate, -1), rng);
        doneOn = maxDate(doneOn, date);
        recordOn = doneOn;
        daysSpent = rng.pick([0.5, 1, 1]);
      } else if (phase === 'DURING') {
        doneOn = dateBetween(startDate, endDate, rng);
        recordOn = minDate(plusDays(endDate, rng.int(1, 3)), lastProcessing);
        daysSpent = Math.min(visitDays(startDate, endDate), rng.pick([1, 1.5, 2, 3]));
      } else {
        doneOn = dateBetween(plusDays(endDate, 1), minDate(plusDays(endDate, 25), lastProcessing), rng);
        recordOn = doneOn;
        daysSpent = rng.pick([0.5, 1]);
      }
      this.on(recordOn, () => this.activityDone(m, record, doneOn, daysSpent));
    }
  }

  private async activityDone(m: MissionRecord, a: ActivityRecord, doneOn: string, daysSpent: number): Promise<void> {
    if (m.status !== 'SCHEDULED' || a.done) return;
    const input = { missionId: m.missionId, activityId: a.activityId, doneOn, daysSpent };
    const meta = this.meta(m.staff.actor);
    await this.exec('recordActivityDone', input, meta, () => this.handlers.recordActivityDone(input, meta));
    a.done = true;
    this.n.activitiesDone++;
  }

  private summary(m: MissionRecord): string {
    const t = m.request.twinning;
    return fill(this.rng.pick(reportSummaries[m.request.missionType]), {
      partner: t.seed.partnerName,
      municipality: t.municipality,
    });
  }

  private async fileReport(m: MissionRecord): Promise<void> {
    if (m.status !== 'SCHEDULED' || m.reportFiled) return;
    const input = {
      missionId: m.missionId,
      filedOn: toDate(this.now),
      authorStaffMemberId: m.staff.id!,
      summary: this.summary(m),
    };
    const meta = this.meta(m.staff.actor);
    await this.exec('fileReport', input, meta, () => this.handlers.fileReport(input, meta));
    m.reportFiled = true;
    this.n.reports++;
  }

  private async complete(m: MissionRecord): Promise<void> {
    if (m.status !== 'SCHEDULED') return;
    const rng = this.rng;
    const daysSpent = Math.max(1, m.bookedDays - rng.pick([0, 0, 0, 0.5, 1, 1, 2, -1]));
    const factor = rng.chance(0.06) ? 1 + rng.next() * 0.08 : 0.84 + rng.next() * 0.16;
    const input = {
      missionId: m.missionId,
      completedOn: toDate(this.now),
      daysSpent,
      costEur: round2(m.reservedBudgetEur * factor),
      ...(m.reportFiled ? {} : { report: this.summary(m) }),
    };
    const meta = this.meta(m.staff.actor);
    await this.exec('completeMission', input, meta, () => this.handlers.completeMission(input, meta));
    if (!m.reportFiled) this.n.reports++;
    m.reportFiled = true;
    m.status = 'COMPLETED';
    this.n.completed++;
    const lessons = rng.weighted<number>(
      m.request.missionType === 'EVALUATION'
        ? [
            [1, 0.3],
            [2, 0.4],
            [3, 0.3],
          ]
        : [
            [0, 0.3],
            [1, 0.45],
            [2, 0.25],
          ],
    );
    if (lessons > 0) this.on(workday(plusDays(toDate(this.now), rng.int(0, 30))), () => this.learn(m, lessons));
  }

  private async cancel(m: MissionRecord, reason: string): Promise<void> {
    if (m.status !== 'SCHEDULED') return;
    const input = { missionId: m.missionId, reason, cancelledOn: toDate(this.now) };
    const meta = this.meta(HEAD_OF_DEPARTMENT);
    await this.exec('cancelMission', input, meta, () => this.handlers.cancelMission(input, meta));
    m.status = 'CANCELLED';
    this.n.cancelled++;
  }

  private async covid(): Promise<void> {
    for (const r of [...this.requests.values()]) {
      if (r.status === 'SUBMITTED' && r.startDate >= COVID_FROM) await this.withdraw(r, covidWithdrawal);
    }
    for (const m of [...this.missions.values()]) {
      if (m.status === 'SCHEDULED' && m.request.startDate >= COVID_FROM) await this.cancel(m, covidCancellation);
    }
  }

  // -- lessons ---------------------------------------------------------------

  private async learn(m: MissionRecord, count: number): Promise<void> {
    const rng = this.rng;
    const r = m.request;
    const t = r.twinning;
    const pool: { template: LessonTemplate; domain: PolicyDomain | undefined }[] = [];
    const domains = r.policyDomains.length > 0 ? r.policyDomains : [...t.seed.policyDomains];
    for (const d of domains) for (const template of lessonTemplates[d]) pool.push({ template, domain: d });
    for (const template of processTemplates[r.missionType] ?? []) pool.push({ template, domain: undefined });
    for (const { template, domain } of rng.sample(pool, count)) {
      const language = rng.chance(0.7) ? ('nl' as const) : ('en' as const);
      const values = { partner: t.seed.partnerName, municipality: t.municipality, year: yearOfDate(r.startDate) };
      const text = this.lessonWriter.write(template, domain ?? undefined, language, values);
      const extraDomain = rng.chance(0.25) ? domains.find((d) => d !== domain) : undefined;
      const policyDomains = [
        ...(domain ? [domain] : rng.sample(domains, 1)),
        ...(extraDomain && extraDomain !== domain ? [extraDomain] : []),
      ];
      const input = {
        missionId: m.missionId,
        title: text.title,
        body: text.body,
        language,
        level: template.level,
        phase: template.phase,
        policyDomains: [...new Set(policyDomains)],
        sdgs: [...template.sdgs],
        dacCriteria: [...template.dac],
        authorStaffMemberId: m.staff.id!,
      };
      const meta = this.meta(m.staff.actor, 5 * 60_000);
      const { id } = await this.exec('recordLesson', input, meta, () => this.handlers.recordLesson(input, meta));
      const lesson: LessonRecord = {
        lessonId: id,
        author: m.staff,
        language,
        body: input.body,
        sdgs: input.sdgs,
        status: 'RECORDED',
        goodPractice: false,
        edited: false,
      };
      this.lessons.set(id, lesson);
      this.n.lessons++;
      const today = toDate(this.now);
      if (rng.chance(0.1)) this.on(workday(plusDays(today, rng.int(3, 40))), () => this.editLesson(lesson));
      if (rng.chance(0.3)) this.on(workday(plusDays(today, rng.int(14, 150))), () => this.promote(lesson));
      else if (rng.chance(0.05)) this.on(workday(plusDays(today, rng.int(30, 120))), () => this.retract(lesson));
    }
  }

  private async editLesson(l: LessonRecord): Promise<void> {
    if (l.status !== 'RECORDED' || l.edited) return;
    const sdgs = [...new Set([...l.sdgs, 17])].sort((a, b) => a - b);
    const input =
      this.rng.chance(0.5) || sdgs.length === l.sdgs.length
        ? { lessonId: l.lessonId, body: `${l.body}${editSuffixes[l.language]}` }
        : { lessonId: l.lessonId, sdgs };
    const meta = this.meta(l.author.actor);
    await this.exec('editLesson', input, meta, () => this.handlers.editLesson(input, meta));
    l.edited = true;
    this.n.edited++;
  }

  private async promote(l: LessonRecord): Promise<void> {
    if (l.status !== 'RECORDED' || l.goodPractice) return;
    const input = { lessonId: l.lessonId, rationale: this.rng.pick(goodPracticeRationales) };
    const meta = this.meta(HEAD_OF_DEPARTMENT);
    await this.exec('promoteToGoodPractice', input, meta, () => this.handlers.promoteToGoodPractice(input, meta));
    l.goodPractice = true;
    this.n.goodPractices++;
  }

  private async retract(l: LessonRecord): Promise<void> {
    if (l.status !== 'RECORDED') return;
    const input = { lessonId: l.lessonId, reason: this.rng.pick(retractionReasons) };
    const meta = this.meta(HEAD_OF_DEPARTMENT);
    await this.exec('retractLesson', input, meta, () => this.handlers.retractLesson(input, meta));
    l.status = 'RETRACTED';
    this.n.retracted++;
  }

  // -- the run ---------------------------------------------------------------

  async run(): Promise<DemoSummary> {
    this.buildWorld();
    this.scheduleTimeline();
    const first = midnight(HISTORY_START);
    const last = midnight(this.today) + 86_400_000;
    let lastReport = 0;
    for (let entry = this.agenda.pop(); entry && entry.at < last; entry = this.agenda.pop()) {
      this.now = entry.at;
      this.clock = 0;
      await entry.run();
      if (this.onProgress && this.commandSeq - lastReport >= 200) {
        lastReport = this.commandSeq;
        this.onProgress({
          events: Number(await this.store.headPosition()),
          commands: this.commandSeq,
          simulatedDate: toDate(entry.at),
          fraction: (entry.at - first) / (last - first),
        });
      }
    }
    const events = Number(await this.store.headPosition());
    this.onProgress?.({ events, commands: this.commandSeq, simulatedDate: this.today, fraction: 1 });
    return this.summarise(events);
  }

  private async summarise(events: number): Promise<DemoSummary> {
    const eventsByType: Record<string, number> = {};
    if (this.countEventTypes) {
      for await (const e of this.store.readAll()) eventsByType[e.type] = (eventsByType[e.type] ?? 0) + 1;
    }
    const clusters = new Map<string, Set<string>>();
    for (const t of this.twinnings) {
      if (!t.id) continue;
      const set = clusters.get(t.seed.regionCode) ?? new Set<string>();
      set.add(t.seed.nisCode);
      clusters.set(t.seed.regionCode, set);
    }
    const regionalClusters = Object.fromEntries(
      [...clusters.entries()]
        .filter(([, set]) => set.size >= 3)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([region, set]) => [region, set.size]),
    );
    const missions = [...this.missions.values()];
    const scheduled = missions.filter((m) => m.status === 'SCHEDULED');
    return {
      seed: this.seed,
      scale: this.scale,
      from: HISTORY_START,
      to: this.today,
      events,
      commands: this.commandSeq,
      municipalities: [...this.municipalities.values()].filter((m) => m.registered).length,
      twinnings: this.twinnings.filter((t) => t.id).length,
      twinningsEnded: this.n.ended,
      staffMembers: this.staff.filter((s) => s.id).length,
      requests: {
        submitted: this.n.submitted,
        open: [...this.requests.values()].filter((r) => r.status === 'SUBMITTED').length,
        accepted: this.n.accepted,
        declined: this.n.declined,
        withdrawn: this.n.withdrawn,
        amended: this.n.amended,
        byMissionType: this.n.byMissionType,
      },
      decisions: { followedRecommendation: this.n.followed, againstRecommendation: this.n.against },
      missions: {
        scheduled: scheduled.filter((m) => m.request.startDate > this.today).length,
        inProgress: scheduled.filter((m) => m.request.startDate <= this.today).length,
        completed: this.n.completed,
        cancelled: this.n.cancelled,
      },
      activities: { planned: this.n.activitiesPlanned, done: this.n.activitiesDone },
      reports: this.n.reports,
      lessons: {
        recorded: this.n.lessons,
        goodPractices: this.n.goodPractices,
        edited: this.n.edited,
        retracted: this.n.retracted,
      },
      contacts: this.n.contacts,
      advice: this.n.advice,
      actorChanges: this.n.actorChanges,
      budgetAllocations: this.n.allocations,
      capacityDeclarations: this.n.capacity,
      regionalClusters,
      eventsByType,
    };
  }
}

import type { BudgetStatus, CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import {
  AdditionalReasons,
  type Actor,
  type AdditionalReason,
  type CommandMetadata,
  type ContactChannel,
  type DeclineReason,
  type MissionType,
} from '@werkbezoek/schema';
import { daysFrom, isWeekend, maxDate, minDate, plusDays, toDate, workday, yearOfDate } from './calendar.js';
import type { Random } from './random.js';
import { budgetFor, programmeCovers, programmeOf } from './referenceData.js';
import { acceptNotes, declineNotes, overrideAcceptNotes, overrideDeclineNotes, withdrawalReasons } from './texts.js';
import { CLAIMS, DELEGATION, DURATION, MONTH_WEIGHTS } from './visits.js';
import type { RequestRecord, StaffRt, TwinningRt } from './world.js';

/*
 * The pipeline: what is on VVSG's desk on the history's last day.
 *
 * Municipalities send their plans for the coming twelve months in the weeks
 * before today; VVSG decides them together at the next planning round, so the
 * planner can first combine visits to the same southern region into joint
 * missions. Most requests are therefore still undecided (SUBMITTED, assessed
 * on arrival by the handlers); a request sent earlier in that period was
 * sometimes decided on arrival (accepted with its mission scheduled and its
 * preparation planned, or declined), and one or two were withdrawn. Several
 * municipalities twinned in the same region plan their visits within days
 * of each other: the clusters joint missions are made of.
 *
 * Next year's staff capacity is declared before the requests come in, and its
 * budget allocated (in advance of the autumn budget round when today lies
 * before it), so that assessments of next year's visits weigh real figures.
 *
 * Everything scales with the number of twinnings: one to three requests per
 * active twinning, joint groups in most regions with several twinnings.
 */

/** What the pipeline needs from the running simulation. */
export interface PipelineHost {
  readonly rng: Random;
  readonly today: string;
  readonly handlers: CommandHandlers;
  readonly context: EventLogContext;
  readonly twinnings: readonly TwinningRt[];
  readonly requests: ReadonlyMap<string, RequestRecord>;
  readonly firstTrancheOn: ReadonlyMap<number, string>;
  on(date: string, run: () => Promise<void>): void;
  meta(actor: Actor, delayMs?: number): CommandMetadata;
  exec<T>(name: string, input: unknown, meta: CommandMetadata, run: () => Promise<T>): Promise<T>;
  coordinatorActor(t: TwinningRt): Actor;
  recordRequest(r: RequestRecord): void;
  contact(t: TwinningRt, kind: 'intake', channel: ContactChannel, requestId?: string): Promise<void>;
  withdraw(r: RequestRecord, reason: string): Promise<void>;
  latestAssessment(requestId: string): Promise<{ recommendation: 'ACCEPT' | 'DECLINE'; declineReason?: DeclineReason }>;
  feasibility(
    r: RequestRecord,
    date: string,
  ): Promise<{ candidates: { s: StaffRt; free: number }[]; budget: BudgetStatus; budgetOk: boolean }>;
  countDecision(followed: boolean): void;
  accept(r: RequestRecord, chosen: StaffRt, note: string): Promise<void>;
  decline(r: RequestRecord, reason: DeclineReason, note: string): Promise<void>;
  allocate(year: number, amount: number, note: string): Promise<void>;
  declareCapacities(year: number): Promise<void>;
}

/** How many days before today the pipeline is planned; its requests arrive after that. */
export const PIPELINE_LEAD_DAYS = 110;
/** Visits start between these many days after today. */
const FIRST_VISIT_DAY = 21;
const LAST_VISIT_DAY = 365;
/** Undecided requests arrived in the last eight weeks, most of them recently. */
const PENDING_WITHIN_DAYS = 56;
/** Days kept free between two visits of the same municipality. */
const VISIT_GAP_DAYS = 20;

type Fate = 'PENDING' | 'DECIDED' | 'WITHDRAWN';

interface PipelineVisit {
  readonly twinning: TwinningRt;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  readonly delegationSize: number;
  readonly claimedReasons: AdditionalReason[];
  readonly fate: Fate;
  readonly submitOn: string;
  /** When a DECIDED request is decided, or a WITHDRAWN one withdrawn. */
  readonly settleOn?: string;
  readonly withContact: boolean;
}

/** Schedules the pipeline's planning day; nothing when the history is too short to have one. */
export function schedulePipeline(host: PipelineHost): void {
  const planOn = workday(plusDays(host.today, -PIPELINE_LEAD_DAYS));
  if (planOn < '2017-03-01') return;
  host.on(planOn, () => new Pipeline(host, planOn).plan());
}

/** The last workday on or before `date`. */
function workdayBefore(date: string): string {
  let d = date;
  while (isWeekend(d)) d = plusDays(d, -1);
  return d;
}

class Pipeline {
  private readonly today: string;
  /** Per twinning, the periods already taken by its visits (with a gap around them). */
  private readonly taken = new Map<TwinningRt, [string, string][]>();
  private ungrouped = 0;

  constructor(
    private readonly host: PipelineHost,
    private readonly planOn: string,
  ) {
    this.today = host.today;
  }

  private get rng(): Random {
    return this.host.rng;
  }

  plan(): Promise<void> {
    const { host, rng, today } = this;
    const nextYear = yearOfDate(today) + 1;
    // Next year's resources, before the requests for it come in.
    const firstTranche = host.firstTrancheOn.get(nextYear);
    if (firstTranche === undefined || firstTranche > today) {
      const b = budgetFor(nextYear);
      host.on(workday(plusDays(this.planOn, 2)), () =>
        host.allocate(nextYear, b.first, `Voorschot op de begroting ${nextYear}, in afwachting van de begrotingsronde`),
      );
    }
    host.on(workday(plusDays(this.planOn, 4)), () => host.declareCapacities(nextYear));

    for (const r of host.requests.values()) {
      if ((r.status === 'SUBMITTED' || r.status === 'ACCEPTED') && r.endDate >= today) this.take(r.twinning, r);
    }
    const active = host.twinnings.filter(
      (t) => t.id && !t.endedOn && !t.seed.ended && t.seed.since <= this.planOn && this.funded(t, nextYear) > 0,
    );

    // Joint groups: municipalities twinned in the same region that visit it within days of each other.
    const byRegion = new Map<string, TwinningRt[]>();
    for (const t of active) {
      if (this.funded(t, nextYear) < 1) continue;
      byRegion.set(t.seed.regionCode, [...(byRegion.get(t.seed.regionCode) ?? []), t]);
    }
    // Most such regions get a group, spread over the countries first: one region per country, then the others.
    const regions = rng.sample(
      [...byRegion.values()].filter((ts) => ts.length >= 2),
      byRegion.size,
    );
    const countryOf = (ts: TwinningRt[]) => ts[0]!.seed.countryCode;
    const firstOfCountry = regions.filter((ts, i) => regions.findIndex((o) => countryOf(o) === countryOf(ts)) === i);
    const ordered = [...firstOfCountry, ...regions.filter((ts) => !firstOfCountry.includes(ts))];
    const groups = ordered.slice(0, Math.max(6, Math.round(regions.length * 0.6)));
    const grouped = new Set<TwinningRt>();
    for (const members of groups) {
      const anchor = this.drawStart(30, LAST_VISIT_DAY - 30);
      for (const t of rng.sample(members, rng.int(2, Math.min(4, members.length)))) {
        for (let attempt = 0; attempt < 3 && !grouped.has(t); attempt++) {
          const start = maxDate(plusDays(anchor, rng.int(-6, 6)), plusDays(today, FIRST_VISIT_DAY));
          if (this.visit(t, start, true)) grouped.add(t);
        }
      }
    }

    // The other requests: one or two per funded twinning, now and then one for a visit on own funds.
    for (const t of active) {
      const funded = this.funded(t, nextYear);
      let count = funded < 1 ? Number(rng.chance(funded)) : 1 + Number(rng.chance(0.5 * t.seed.activity));
      if (grouped.has(t)) count = Number(rng.chance(0.5 * t.seed.activity));
      if (funded >= 1 && rng.chance(0.3 * t.seed.activity)) count++;
      for (let i = 0; i < count; i++) {
        for (let attempt = 0; attempt < 4; attempt++) {
          if (this.visit(t, this.drawStart(FIRST_VISIT_DAY, LAST_VISIT_DAY), false)) break;
        }
      }
    }
    return Promise.resolve();
  }

  /** 1 for a twinning whose country the programme covers next year, a chance for one on own funds, else 0. */
  private funded(t: TwinningRt, year: number): number {
    if (programmeCovers(t.seed.countryCode, year)) return 1;
    return ['PE', 'BO', 'GT'].includes(t.seed.countryCode) ? 0 : 0.3;
  }

  /** A start date in [today + from, today + to], weighted by the months in which visits usually start. */
  private drawStart(from: number, to: number): string {
    const rng = this.rng;
    let date = plusDays(this.today, rng.int(from, to));
    for (let i = 0; i < 20; i++) {
      date = plusDays(this.today, rng.int(from, to));
      if (rng.next() * 1.3 < MONTH_WEIGHTS[Number(date.slice(5, 7)) - 1]!) break;
    }
    return date;
  }

  private take(t: TwinningRt, period: { startDate: string; endDate: string }): void {
    const list = this.taken.get(t) ?? [];
    list.push([plusDays(period.startDate, -VISIT_GAP_DAYS), plusDays(period.endDate, VISIT_GAP_DAYS)]);
    this.taken.set(t, list);
  }

  /** Draws a visit of `t` starting on `startDate` and schedules its request; false when the period is taken. */
  private visit(t: TwinningRt, startDate: string, combined: boolean): boolean {
    const { rng, today } = this;
    const missionType = rng.weighted<MissionType>([
      ['IDENTIFICATION', yearOfDate(t.seed.since) >= yearOfDate(today) - 1 ? 0.5 : 0.06],
      ['EVALUATION', 0.25],
      ['TECHNICAL', 0.5],
      ['POLITICAL', 0.15],
    ]);
    const [minDays, maxDays] = DURATION[missionType];
    const endDate = plusDays(startDate, rng.int(minDays, maxDays) - 1);
    if (daysFrom(today, endDate) > LAST_VISIT_DAY + 30) return false;
    if ((this.taken.get(t) ?? []).some(([from, to]) => startDate <= to && endDate >= from)) return false;
    this.take(t, { startDate, endDate });

    const claimed = new Set<AdditionalReason>();
    for (const [reason, p] of Object.entries(CLAIMS[missionType]) as [AdditionalReason, number][]) {
      if (rng.chance(p)) claimed.add(reason);
    }
    if (combined && rng.chance(0.5)) claimed.add('COMBINED_VISITS');
    const [minSize, maxSize] = DELEGATION[missionType];

    // Undecided requests came in the last weeks, most of them recently; decided and withdrawn ones earlier.
    // One request in 25 outside the groups was withdrawn again: one or two at scale 1.
    const withdrawn = !combined && ++this.ungrouped % 25 === 12;
    const fate: Fate = withdrawn
      ? 'WITHDRAWN'
      : rng.weighted<Fate>([
          ['PENDING', combined ? 0.85 : 0.75],
          ['DECIDED', combined ? 0.15 : 0.25],
        ]);
    const earliest = plusDays(this.planOn, 7);
    let submitOn: string;
    let settleOn: string | undefined;
    if (fate === 'PENDING') {
      submitOn = workdayBefore(plusDays(today, -Math.floor(PENDING_WITHIN_DAYS * rng.next() ** 1.5)));
    } else {
      submitOn = workday(plusDays(today, -rng.int(30, 95)));
      settleOn = workday(plusDays(submitOn, fate === 'DECIDED' ? rng.int(7, 20) : rng.int(3, 15)));
    }
    submitOn = maxDate(submitOn, workday(earliest));
    if (settleOn) settleOn = minDate(maxDate(settleOn, workday(plusDays(submitOn, 2))), workdayBefore(today));
    this.host.on(submitOn, () =>
      this.submit({
        twinning: t,
        missionType,
        startDate,
        endDate,
        delegationSize: rng.int(minSize, maxSize),
        claimedReasons: AdditionalReasons.codes.filter((r) => claimed.has(r)),
        fate,
        submitOn,
        ...(settleOn && settleOn > submitOn ? { settleOn } : {}),
        withContact: rng.chance(0.6),
      }),
    );
    return true;
  }

  private async submit(v: PipelineVisit): Promise<void> {
    const { host, rng } = this;
    const t = v.twinning;
    if (!t.id || t.endedOn) return;
    // The municipality asked for another visit around these dates since the plan was drawn: this one is not sent.
    const clash = t.requests.some(
      (r) =>
        (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') &&
        plusDays(r.startDate, -VISIT_GAP_DAYS) <= v.endDate &&
        plusDays(r.endDate, VISIT_GAP_DAYS) >= v.startDate,
    );
    if (clash) return;
    const policyDomains = v.missionType === 'IDENTIFICATION' ? [] : rng.sample(t.seed.policyDomains, rng.int(1, 2));
    const input = {
      twinningId: t.id,
      missionType: v.missionType,
      startDate: v.startDate,
      endDate: v.endDate,
      delegationSize: v.delegationSize,
      programme: programmeOf(t.seed, yearOfDate(v.startDate)),
      policyDomains,
      claimedReasons: v.claimedReasons,
      ...(v.withContact ? { contact: { personId: t.coordinator.personId, name: t.coordinator.name } } : {}),
    };
    const meta = host.meta(host.coordinatorActor(t));
    const { id: requestId } = await host.exec('submitRequest', input, meta, () =>
      host.handlers.submitRequest(input, meta),
    );
    const record: RequestRecord = {
      requestId,
      twinning: t,
      missionType: v.missionType,
      startDate: v.startDate,
      endDate: v.endDate,
      delegationSize: v.delegationSize,
      claimedReasons: [...v.claimedReasons],
      policyDomains: [...policyDomains],
      status: 'SUBMITTED',
      submittedOn: toDate(Date.parse(meta.issuedAt)),
    };
    host.recordRequest(record);
    if (rng.chance(0.45)) {
      await host.contact(t, 'intake', rng.pick<ContactChannel>(['PHONE', 'EMAIL', 'MEETING', 'VIDEO_CALL']), requestId);
    }
    if (!v.settleOn) return;
    if (v.fate === 'WITHDRAWN') host.on(v.settleOn, () => host.withdraw(record, rng.pick(withdrawalReasons)));
    else {
      const on = v.settleOn;
      host.on(on, () => this.decide(record, on));
    }
  }

  /**
   * A decision on arrival: the recommendation, unless the facts no longer
   * allow it (a budget that has arrived since, days booked in the meantime).
   */
  private async decide(r: RequestRecord, date: string): Promise<void> {
    if (r.status !== 'SUBMITTED') return;
    const { host, rng } = this;
    const assessment = await host.latestAssessment(r.requestId);
    const { candidates, budgetOk } = await host.feasibility(r, date);
    let intent: 'ACCEPT' | DeclineReason =
      assessment.recommendation === 'ACCEPT' ? 'ACCEPT' : (assessment.declineReason ?? 'NOT_OPPORTUNE');
    if (intent === 'NO_BUDGET' && budgetOk) intent = 'ACCEPT';
    if (intent === 'NO_STAFF_TIME' && candidates.length > 0 && rng.chance(0.5)) intent = 'ACCEPT';
    if (intent === 'ACCEPT' && candidates.length === 0) intent = 'NO_STAFF_TIME';
    else if (intent === 'ACCEPT' && !budgetOk) intent = 'NO_BUDGET';
    const followed = intent === 'ACCEPT' ? assessment.recommendation === 'ACCEPT' : assessment.declineReason === intent;
    host.countDecision(followed);
    if (intent === 'ACCEPT') {
      const note = followed ? rng.pick(acceptNotes[r.missionType]) : rng.pick(overrideAcceptNotes);
      await host.accept(r, candidates[0]!.s, note);
    } else {
      const note =
        followed || intent !== 'NOT_OPPORTUNE' ? rng.pick(declineNotes[intent]) : rng.pick(overrideDeclineNotes);
      await host.decline(r, intent, note);
    }
  }
}

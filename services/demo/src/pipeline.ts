import type { BudgetStatus, CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import {
  AdditionalReasons,
  IllegalStateError,
  PolicyDomains,
  MAX_INVITED_MUNICIPALITIES,
  type Actor,
  type PolicyDomain,
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
import { MANAGEMENT, type RequestRecord, type StaffRt, type TwinningRt } from './world.js';

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
/** The planning round: joint missions over at most three weeks; up to four proposed, one approved, the last rejected. */
const JOINT_WINDOW_DAYS = 21;
const JOINT_PROPOSALS = 4;
const JOINT_APPROVALS = 1;
const PLANNER: Actor = { id: 'vvsg-planner', role: 'PLANNER' };
const EVENT_REJECTION =
  'Het budget of de personeelsdagen voor dat jaar volstaan niet meer; opnieuw voorstellen bij de volgende begrotingsronde.';
const JOINT_REJECTION =
  'Te vroeg om vast te leggen: de partners verwachten eerst de uitslag van de lokale verkiezingen. Volgende planningsronde opnieuw bekijken.';

function jointRationale(names: readonly string[], partner: string, from: string, to: string): string {
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : names.join('');
  return (
    `${list} bezoeken hun partners in dezelfde regio (onder meer ${partner}) tussen ${from} en ${to}. ` +
    'Eén begeleide reis voor alle delegaties bespaart een vlucht per gemeente en laat de partners onderling ervaringen uitwisselen.'
  );
}

function regionalEventTitle(kind: 'WORKSHOP' | 'CONFERENCE', theme: string, place: string): string {
  return kind === 'WORKSHOP'
    ? `Regionale workshop ${theme.toLowerCase()} in ${place}`
    : `Regionale conferentie in ${place}`;
}

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
    // The planning round, once every request is in: the planner combines visits, management decides.
    host.on(today, () => this.planningRound());
    return Promise.resolve();
  }

  /**
   * The planner proposes joint missions for the undecided visits that fall
   * within one fortnight in a region, and a regional workshop where several
   * twinnings share a theme; management approves the first of each (when
   * staff and budget allow), rejects one proposal and leaves the rest for
   * the next round. All through the real handlers, as users would.
   */
  private async planningRound(): Promise<void> {
    const { host, today } = this;
    const byRegion = new Map<string, RequestRecord[]>();
    for (const r of host.requests.values()) {
      if (r.status !== 'SUBMITTED' || r.startDate < plusDays(today, FIRST_VISIT_DAY)) continue;
      const region = r.twinning.seed.regionCode;
      byRegion.set(region, [...(byRegion.get(region) ?? []), r]);
    }
    const groups: RequestRecord[][] = [];
    for (const [, open] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...open].sort((a, b) => a.startDate.localeCompare(b.startDate));
      for (const first of sorted) {
        const windowEnd = plusDays(first.startDate, JOINT_WINDOW_DAYS - 1);
        const inside = sorted.filter((r) => r.startDate >= first.startDate && r.endDate <= windowEnd);
        if (new Set(inside.map((r) => r.twinning.seed.nisCode)).size >= 2) {
          groups.push(inside);
          break;
        }
      }
    }
    const proposals: { id: string; members: RequestRecord[]; startDate: string; endDate: string }[] = [];
    for (const members of groups.slice(0, JOINT_PROPOSALS)) {
      const startDate = members.reduce((d, r) => minDate(d, r.startDate), members[0]!.startDate);
      const endDate = members.reduce((d, r) => maxDate(d, r.endDate), members[0]!.endDate);
      const names = members.map((r) => r.twinning.municipality);
      const input = {
        requestIds: members.map((r) => r.requestId),
        startDate,
        endDate,
        rationale: jointRationale(names, members[0]!.twinning.seed.partnerName, startDate, endDate),
      };
      const meta = host.meta(PLANNER);
      const { id } = await host.exec('proposeJointMission', input, meta, () =>
        host.handlers.proposeJointMission(input, meta),
      );
      proposals.push({ id, members, startDate, endDate });
    }
    let approved = 0;
    for (const [i, { id, members, startDate, endDate }] of proposals.entries()) {
      if (i === proposals.length - 1 && proposals.length >= 3) {
        const input = { jointMissionId: id, reason: JOINT_REJECTION };
        const meta = host.meta(MANAGEMENT);
        await host.exec('rejectJointMission', input, meta, () => host.handlers.rejectJointMission(input, meta));
        continue;
      }
      if (approved >= JOINT_APPROVALS) continue;
      const window = { ...members[0]!, startDate, endDate };
      const { candidates, budgetOk } = await host.feasibility(window, today);
      if (!budgetOk || candidates.length === 0) continue;
      const input = { jointMissionId: id, staffMemberIds: [candidates[0]!.s.id!] };
      // Each request the approval accepts is a decision, with or against its recommendation.
      const advice = await Promise.all(members.map((r) => host.latestAssessment(r.requestId)));
      const meta = host.meta(MANAGEMENT);
      await host.exec('approveJointMission', input, meta, () => host.handlers.approveJointMission(input, meta));
      for (const r of members) r.status = 'ACCEPTED';
      for (const a of advice) host.countDecision(a.recommendation === 'ACCEPT');
      approved++;
    }
    await this.regionalEvents();
  }

  /** A workshop for the region with most twinnings sharing a policy domain, approved; a conference proposed. */
  private async regionalEvents(): Promise<void> {
    const { host, today } = this;
    const byRegion = new Map<string, TwinningRt[]>();
    for (const t of host.twinnings) {
      if (!t.id || t.endedOn || t.seed.ended) continue;
      byRegion.set(t.seed.regionCode, [...(byRegion.get(t.seed.regionCode) ?? []), t]);
    }
    const regions = [...byRegion]
      .filter(([, ts]) => new Set(ts.map((t) => t.seed.nisCode)).size >= 3)
      .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
    for (const [i, [regionCode, ts]] of regions.slice(0, 2).entries()) {
      const counts = new Map<PolicyDomain, number>();
      for (const t of ts) for (const d of t.seed.policyDomains) counts.set(d, (counts.get(d) ?? 0) + 1);
      const theme = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? 'LOCAL_GOVERNANCE';
      const startDate = workday(plusDays(today, i === 0 ? 130 : 200));
      const kind = i === 0 ? ('WORKSHOP' as const) : ('CONFERENCE' as const);
      const invited = invitees(
        ts.map((t) => t.seed),
        theme,
      );
      const input = {
        kind,
        title: regionalEventTitle(kind, PolicyDomains.get(theme).label.nl, ts[0]!.seed.partnerName),
        countryCode: ts[0]!.seed.countryCode,
        regionCodes: [regionCode],
        startDate,
        endDate: plusDays(startDate, i === 0 ? 2 : 1),
        themes: [theme],
        invitedNisCodes: invited,
      };
      const meta = host.meta(PLANNER);
      const { id } = await host.exec('proposeRegionalEvent', input, meta, () =>
        host.handlers.proposeRegionalEvent(input, meta),
      );
      if (i > 0) continue;
      const approval = { regionalEventId: id };
      const approvalMeta = host.meta(MANAGEMENT);
      try {
        await host.handlers.approveRegionalEvent(approval, approvalMeta);
      } catch (error) {
        // Late in a budget year the money (or the staff's days) may have run out: management says no.
        if (!(error instanceof IllegalStateError)) throw error;
        const rejection = { regionalEventId: id, reason: EVENT_REJECTION };
        const rejectionMeta = host.meta(MANAGEMENT);
        await host.exec('rejectRegionalEvent', rejection, rejectionMeta, () =>
          host.handlers.rejectRegionalEvent(rejection, rejectionMeta),
        );
      }
    }
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

/**
 * The municipalities a regional event in a region invites: those working on its theme first, as many as one event
 * takes (a large history's region holds more municipalities than that), in NIS-code order.
 */
export function invitees(
  twinnings: readonly { readonly nisCode: string; readonly policyDomains: readonly PolicyDomain[] }[],
  theme: PolicyDomain,
): string[] {
  const onTheme = new Set(twinnings.filter((t) => t.policyDomains.includes(theme)).map((t) => t.nisCode));
  return [...new Set(twinnings.map((t) => t.nisCode))]
    .sort((a, b) => Number(onTheme.has(b)) - Number(onTheme.has(a)) || a.localeCompare(b))
    .slice(0, MAX_INVITED_MUNICIPALITIES)
    .sort();
}

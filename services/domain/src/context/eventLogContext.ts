import { START, type EventStore } from '@werkbezoek/eventstore';
import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import type { BudgetStatus, RegionVisit, StaffAvailability } from '../assessment/assess.js';
import { forgetLoadedStreams } from '../commandHandler.js';
import { budgetDecider, reservedCents, unreservedEur, type BudgetState } from '../budget/budget.js';
import { addDays, periodsMeet } from '../dates.js';
import { bookedIn, capacityIn, freeDaysIn, staffDecider, type StaffState } from '../staff/staffMember.js';
import type { DomainContext, OpenRequest } from './context.js';
import { RegionCalendar } from './regionCalendar.js';

interface RequestFacts {
  /** The order of submission, which the answers keep. */
  readonly seq: number;
  requestId: string;
  nisCode: string;
  regionCode: string;
  startDate: string;
  endDate: string;
  status: 'SUBMITTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
}

interface MissionFacts {
  missionId: string;
  nisCodes: readonly string[];
  regionCode: string;
  startDate: string;
  endDate: string;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
}

/** The events the index reads; the store skips the others (two thirds of a long log) without decoding them. */
const CONTEXT_TYPES = [
  'MunicipalityRegistered',
  'TwinningEstablished',
  'AccompanimentRequestSubmitted',
  'AccompanimentRequestAmended',
  'AccompanimentRequestWithdrawn',
  'AccompanimentAccepted',
  'AccompanimentDeclined',
  'MissionScheduled',
  'MissionCompleted',
  'MissionCancelled',
  'StaffMemberRegistered',
  'StaffCapacityDeclared',
  'StaffDaysBooked',
  'StaffDaysReleased',
  'BudgetAllocated',
  'BudgetReserved',
  'BudgetReleased',
  'CostRecorded',
  'DataSubjectErased',
] as const satisfies readonly WerkbezoekEvent['type'][];

/**
 * How long a catch-up reads before it lets other work run: the first one
 * reads a whole log (1.3 million events take seconds), and a server's event
 * loop must keep answering meanwhile.
 */
const SLICE_MS = 20;

/**
 * The domain context computed from the event log itself: an in-memory index
 * that catches up with the store (reading only what is new) before each
 * answer. Correct and simple; the read models answer the same questions
 * faster in production.
 */
export class EventLogContext implements DomainContext {
  private position = START;
  private catchingUp: Promise<void> = Promise.resolve();
  /** A catch-up waiting for the one under way; it has not read anything yet. */
  private queued: Promise<void> | undefined;
  private readonly municipalities = new Map<string, string>();
  private readonly twinningRegions = new Map<string, string>();
  private readonly requests = new Map<string, RequestFacts>();
  private readonly missions = new Map<string, MissionFacts>();
  private readonly staff = new Map<string, StaffState>();
  // Indexes, so a question about a few weeks of one region or about one municipality does not scan the whole programme.
  private readonly requestsByRegion = new RegionCalendar<RequestFacts>();
  private readonly missionsByRegion = new RegionCalendar<MissionFacts>();
  private readonly missionsByMunicipality = new Map<string, Set<MissionFacts>>();
  private readonly budgets = new Map<number, BudgetState>();
  /** Each year's staff availability as last computed, until a staff event changes it (every assessment asks). */
  private readonly availability = new Map<number, readonly StaffAvailability[]>();

  private readonly sliceMs: number;
  /** When a catch-up last let other work run. */
  private lastTurn = performance.now();

  /** `sliceMs`: how long a catch-up reads before it lets other work run (SLICE_MS). */
  constructor(
    private readonly store: EventStore,
    options: { readonly sliceMs?: number } = {},
  ) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
  }

  /** Reads the events appended since the last call; concurrent callers share one catch-up. */
  catchUp(): Promise<void> {
    // Callers that come while a read is under way share the one queued after it: it starts after they came,
    // so it sees their events (an assessment asks four questions at once, each catching up).
    if (this.queued) return this.queued;
    // A failed read (the store unreachable) fails its callers, not every later one.
    const queued = this.catchingUp
      .catch(() => undefined)
      .then(async () => {
        if (this.queued === queued) this.queued = undefined;
        const first = this.position === START;
        // A subject was erased since the last read (in any process): what this index read before holds their
        // data in clear (staff names); read the log anew, where it now reads as erased.
        if ((await this.readOn()) && !first) await this.readAnew();
        // A command asks again and again (a submission reassesses every open request near it in its region),
        // all of it synchronous on SQLite: a turn now and then keeps the server's other requests moving.
        if (performance.now() - this.lastTurn >= this.sliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          this.lastTurn = performance.now();
        }
      });
    this.queued = queued;
    this.catchingUp = queued;
    return queued;
  }

  /** Forgets what it read, after an erasure in this process; the next question reads the log anew. */
  forget(): void {
    // Later questions wait for the new read, not for a catch-up queued before it.
    this.queued = undefined;
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.readAnew());
  }

  /** Applies the events after the current position; true when one of them erased a data subject. */
  private async readOn(): Promise<boolean> {
    let erasure = false;
    let sliceStarted = performance.now();
    let n = 0;
    for await (const event of this.store.readAll({ fromPosition: this.position, types: CONTEXT_TYPES })) {
      this.apply(event as RecordedEvent<WerkbezoekEvent>);
      this.position = event.position;
      erasure ||= event.type === 'DataSubjectErased';
      if (++n % 256 === 0 && performance.now() - sliceStarted >= this.sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = this.lastTurn = performance.now();
      }
    }
    return erasure;
  }

  private async readAnew(): Promise<void> {
    const indexes = [
      this.municipalities,
      this.twinningRegions,
      this.requests,
      this.missions,
      this.staff,
      this.requestsByRegion,
      this.missionsByRegion,
      this.missionsByMunicipality,
      this.budgets,
      this.availability,
    ];
    for (const index of indexes) index.clear();
    forgetLoadedStreams(this.store);
    this.position = START;
    await this.readOn();
  }

  private apply(e: RecordedEvent<WerkbezoekEvent>): void {
    switch (e.type) {
      case 'MunicipalityRegistered':
        this.municipalities.set(e.data.nisCode, e.data.name);
        return;
      case 'TwinningEstablished':
        this.twinningRegions.set(e.data.twinningId, e.data.regionCode);
        return;
      case 'AccompanimentRequestSubmitted': {
        const regionCode = this.twinningRegions.get(e.data.twinningId);
        if (!regionCode) return;
        const { requestId, nisCode, startDate, endDate } = e.data;
        const facts: RequestFacts = {
          seq: this.requests.size,
          requestId,
          nisCode,
          regionCode,
          startDate,
          endDate,
          status: 'SUBMITTED',
        };
        this.requests.set(requestId, facts);
        this.requestsByRegion.add(regionCode, startDate, endDate, facts);
        return;
      }
      case 'AccompanimentRequestAmended': {
        const r = this.requests.get(e.data.requestId);
        if (r) {
          this.requestsByRegion.remove(r.regionCode, r.startDate, r.endDate, r);
          r.startDate = e.data.startDate ?? r.startDate;
          r.endDate = e.data.endDate ?? r.endDate;
          this.requestsByRegion.add(r.regionCode, r.startDate, r.endDate, r);
        }
        return;
      }
      case 'AccompanimentRequestWithdrawn':
      case 'AccompanimentAccepted':
      case 'AccompanimentDeclined': {
        const r = this.requests.get(e.data.requestId);
        if (r)
          r.status =
            e.type === 'AccompanimentAccepted'
              ? 'ACCEPTED'
              : e.type === 'AccompanimentDeclined'
                ? 'DECLINED'
                : 'WITHDRAWN';
        return;
      }
      case 'MissionScheduled': {
        const { missionId, nisCodes, regionCode, startDate, endDate } = e.data;
        const facts: MissionFacts = { missionId, nisCodes, regionCode, startDate, endDate, status: 'SCHEDULED' };
        this.missions.set(missionId, facts);
        this.missionsByRegion.add(regionCode, startDate, endDate, facts);
        for (const nisCode of nisCodes) index(this.missionsByMunicipality, nisCode, facts);
        return;
      }
      case 'MissionCompleted':
      case 'MissionCancelled': {
        const m = this.missions.get(e.data.missionId);
        if (m) m.status = e.type === 'MissionCompleted' ? 'COMPLETED' : 'CANCELLED';
        return;
      }
      case 'StaffMemberRegistered':
      case 'StaffCapacityDeclared':
      case 'StaffDaysBooked':
      case 'StaffDaysReleased': {
        const id = e.data.staffMemberId;
        this.staff.set(id, staffDecider.evolve(this.staff.get(id) ?? staffDecider.initialState(), e));
        this.availability.clear();
        return;
      }
      case 'BudgetAllocated':
      case 'BudgetReserved':
      case 'BudgetReleased':
      case 'CostRecorded': {
        const year = e.data.year;
        this.budgets.set(year, budgetDecider.evolve(this.budgets.get(year) ?? budgetDecider.initialState(), e));
        return;
      }
      default:
        return;
    }
  }

  async lastAccompaniedVisit(nisCode: string, onOrBefore: string): Promise<string | undefined> {
    await this.catchUp();
    let last: string | undefined;
    for (const m of this.missionsByMunicipality.get(nisCode) ?? []) {
      if (m.status !== 'CANCELLED' && m.startDate <= onOrBefore) {
        const end = m.endDate < onOrBefore ? m.endDate : onOrBefore;
        if (!last || end > last) last = end;
      }
    }
    return last;
  }

  async visitsInRegion(regionCode: string, from: string, to: string, marginDays: number): Promise<RegionVisit[]> {
    await this.catchUp();
    const visits: RegionVisit[] = [];
    const [earliest, latest] = [addDays(from, -marginDays), addDays(to, marginDays)];
    for (const r of this.requestsByRegion.candidates(regionCode, earliest, latest)) {
      if (
        (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') &&
        periodsMeet(from, to, r.startDate, r.endDate, marginDays)
      ) {
        visits.push({
          kind: 'REQUEST',
          id: r.requestId,
          nisCode: r.nisCode,
          municipalityName: this.municipalities.get(r.nisCode),
          startDate: r.startDate,
          endDate: r.endDate,
        });
      }
    }
    for (const m of this.missionsByRegion.candidates(regionCode, earliest, latest)) {
      if (m.status !== 'CANCELLED' && periodsMeet(from, to, m.startDate, m.endDate, marginDays)) {
        for (const nisCode of m.nisCodes) {
          visits.push({
            kind: 'MISSION',
            id: m.missionId,
            nisCode,
            municipalityName: this.municipalities.get(nisCode),
            startDate: m.startDate,
            endDate: m.endDate,
          });
        }
      }
    }
    return visits.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  }

  async openRequestsInRegion(regionCode: string, from: string, to: string, marginDays: number): Promise<OpenRequest[]> {
    await this.catchUp();
    return [...this.requestsByRegion.candidates(regionCode, addDays(from, -marginDays), addDays(to, marginDays))]
      .filter((r) => r.status === 'SUBMITTED' && periodsMeet(from, to, r.startDate, r.endDate, marginDays))
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ requestId: r.requestId, nisCode: r.nisCode }));
  }

  async staffAvailability(year: number): Promise<StaffAvailability[]> {
    await this.catchUp();
    const known = this.availability.get(year);
    if (known) return known.map((a) => ({ ...a }));
    const out: StaffAvailability[] = [];
    for (const s of this.staff.values()) {
      if (s.status !== 'REGISTERED') continue;
      out.push({
        staffMemberId: s.staffMemberId,
        name: s.name,
        declaredDays: capacityIn(s, year),
        bookedDays: bookedIn(s, year),
        freeDays: freeDaysIn(s, year),
      });
    }
    out.sort((a, b) => a.staffMemberId.localeCompare(b.staffMemberId));
    this.availability.set(year, out);
    return out.map((a) => ({ ...a }));
  }

  async budgetStatus(year: number): Promise<BudgetStatus> {
    await this.catchUp();
    const b = this.budgets.get(year) ?? budgetDecider.initialState();
    return {
      year,
      allocatedEur: b.allocatedCents / 100,
      reservedEur: reservedCents(b) / 100,
      spentEur: b.spentCents / 100,
      unreservedEur: unreservedEur(b),
    };
  }
}

function index<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

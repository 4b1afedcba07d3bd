import { START, type EventStore } from '@werkbezoek/eventstore';
import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import type { BudgetStatus, RegionVisit, StaffAvailability } from '../assessment/assess.js';
import { forgetLoadedStreams } from '../commandHandler.js';
import { budgetDecider, reservedCents, unreservedEur, type BudgetState } from '../budget/budget.js';
import { periodsMeet } from '../dates.js';
import { bookedIn, capacityIn, freeDaysIn, staffDecider, type StaffState } from '../staff/staffMember.js';
import type { DomainContext, OpenRequest } from './context.js';

interface RequestFacts {
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

/**
 * The domain context computed from the event log itself: an in-memory index
 * that catches up with the store (reading only what is new) before each
 * answer. Correct and simple; the read models answer the same questions
 * faster in production.
 */
export class EventLogContext implements DomainContext {
  private position = START;
  private catchingUp: Promise<void> = Promise.resolve();
  private readonly municipalities = new Map<string, string>();
  private readonly twinningRegions = new Map<string, string>();
  private readonly requests = new Map<string, RequestFacts>();
  private readonly missions = new Map<string, MissionFacts>();
  private readonly staff = new Map<string, StaffState>();
  // Indexes, so a question about one region or municipality does not scan the whole programme.
  private readonly requestsByRegion = new Map<string, Set<RequestFacts>>();
  private readonly missionsByRegion = new Map<string, Set<MissionFacts>>();
  private readonly missionsByMunicipality = new Map<string, Set<MissionFacts>>();
  private readonly budgets = new Map<number, BudgetState>();

  constructor(private readonly store: EventStore) {}

  /** Reads the events appended since the last call; concurrent callers share one catch-up. */
  catchUp(): Promise<void> {
    this.catchingUp = this.catchingUp.then(async () => {
      const first = this.position === START;
      // A subject was erased since the last read (in any process): what this index read before holds their
      // data in clear (staff names); read the log anew, where it now reads as erased.
      if ((await this.readOn()) && !first) await this.readAnew();
    });
    return this.catchingUp;
  }

  /** Forgets what it read, after an erasure in this process; the next question reads the log anew. */
  forget(): void {
    this.catchingUp = this.catchingUp.then(() => this.readAnew());
  }

  /** Applies the events after the current position; true when one of them erased a data subject. */
  private async readOn(): Promise<boolean> {
    let erasure = false;
    for await (const event of this.store.readAll({ fromPosition: this.position })) {
      this.apply(event as RecordedEvent<WerkbezoekEvent>);
      this.position = event.position;
      erasure ||= event.type === 'DataSubjectErased';
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
        const facts: RequestFacts = { requestId, nisCode, regionCode, startDate, endDate, status: 'SUBMITTED' };
        this.requests.set(requestId, facts);
        index(this.requestsByRegion, regionCode, facts);
        return;
      }
      case 'AccompanimentRequestAmended': {
        const r = this.requests.get(e.data.requestId);
        if (r) {
          r.startDate = e.data.startDate ?? r.startDate;
          r.endDate = e.data.endDate ?? r.endDate;
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
        index(this.missionsByRegion, regionCode, facts);
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
    for (const r of this.requestsByRegion.get(regionCode) ?? []) {
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
    for (const m of this.missionsByRegion.get(regionCode) ?? []) {
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
    return [...(this.requestsByRegion.get(regionCode) ?? [])]
      .filter((r) => r.status === 'SUBMITTED' && periodsMeet(from, to, r.startDate, r.endDate, marginDays))
      .map((r) => ({ requestId: r.requestId, nisCode: r.nisCode }));
  }

  async staffAvailability(year: number): Promise<StaffAvailability[]> {
    await this.catchUp();
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
    return out.sort((a, b) => a.staffMemberId.localeCompare(b.staffMemberId));
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

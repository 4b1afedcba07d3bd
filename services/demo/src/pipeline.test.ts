import { MemoryEventStore } from '@werkbezoek/eventstore';
import { Activities, MAX_INVITED_MUNICIPALITIES, type RecordedEvent, type WerkbezoekEvent } from '@werkbezoek/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { daysFrom, plusDays } from './calendar.js';
import { DEMO_TODAY, generateDemoHistory, type DemoSummary } from './generator.js';
import { invitees } from './pipeline.js';

type Stored = RecordedEvent<WerkbezoekEvent>;

interface Request {
  readonly requestId: string;
  readonly regionCode: string;
  readonly nisCode: string;
  readonly submittedOn: string;
  startDate: string;
  endDate: string;
  status: 'SUBMITTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
  decidedOn?: string;
  recommendation?: 'ACCEPT' | 'DECLINE';
  missionId?: string;
}

/** The requests as the read side would show them, folded from the log. */
function requestsOf(events: readonly Stored[]): Request[] {
  const regions = new Map<string, string>();
  const requests = new Map<string, Request>();
  for (const e of events) {
    const on = e.metadata.occurredAt.slice(0, 10);
    switch (e.type) {
      case 'TwinningEstablished':
        regions.set(e.data.twinningId, e.data.regionCode);
        break;
      case 'AccompanimentRequestSubmitted':
        requests.set(e.data.requestId, {
          requestId: e.data.requestId,
          regionCode: regions.get(e.data.twinningId)!,
          nisCode: e.data.nisCode,
          submittedOn: on,
          startDate: e.data.startDate,
          endDate: e.data.endDate,
          status: 'SUBMITTED',
        });
        break;
      case 'AccompanimentRequestAmended': {
        const r = requests.get(e.data.requestId)!;
        r.startDate = e.data.startDate ?? r.startDate;
        r.endDate = e.data.endDate ?? r.endDate;
        break;
      }
      case 'AccompanimentRequestAssessed':
        requests.get(e.data.requestId)!.recommendation = e.data.recommendation;
        break;
      case 'AccompanimentAccepted':
        Object.assign(requests.get(e.data.requestId)!, {
          status: 'ACCEPTED',
          decidedOn: on,
          missionId: e.data.missionId,
        });
        break;
      case 'AccompanimentDeclined':
        Object.assign(requests.get(e.data.requestId)!, { status: 'DECLINED', decidedOn: on });
        break;
      case 'AccompanimentRequestWithdrawn':
        Object.assign(requests.get(e.data.requestId)!, { status: 'WITHDRAWN', decidedOn: on });
        break;
      default:
        break;
    }
  }
  return [...requests.values()];
}

/** Regions where undecided or accepted visits of different municipalities lie within 14 days of each other. */
function overlapRegions(requests: readonly Request[], today: string): string[] {
  const live = requests.filter((r) => (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') && r.startDate > today);
  const near = (a: Request, b: Request) =>
    a.nisCode !== b.nisCode && a.startDate <= plusDays(b.endDate, 14) && b.startDate <= plusDays(a.endDate, 14);
  const regions = new Set(live.filter((a) => live.some((b) => a.regionCode === b.regionCode && near(a, b))));
  return [...new Set([...regions].map((r) => r.regionCode))].sort();
}

async function generate(today?: string): Promise<{ summary: DemoSummary; events: Stored[] }> {
  const store = new MemoryEventStore();
  const summary = await generateDemoHistory({
    store,
    seed: 1,
    scale: 1,
    countEventTypes: false,
    ...(today ? { today } : {}),
  });
  const events: Stored[] = [];
  for await (const e of store.readAll()) events.push(e as Stored);
  return { summary, events };
}

describe('the pipeline on the demo history’s last day (scale 1)', () => {
  let history: { summary: DemoSummary; events: Stored[] };
  let requests: Request[];
  beforeAll(async () => {
    history = await generate();
    requests = requestsOf(history.events);
  }, 60_000);

  it('has dozens of undecided requests, sent in the last weeks, for visits in the coming twelve months', () => {
    const pending = requests.filter((r) => r.status === 'SUBMITTED');
    const coming = pending.filter((r) => r.startDate > DEMO_TODAY && daysFrom(DEMO_TODAY, r.startDate) <= 365);
    expect(coming.length).toBeGreaterThanOrEqual(40);
    expect(pending.length).toBeLessThanOrEqual(70);
    expect(history.summary.requests.open).toBe(pending.length);
    expect(coming.every((r) => daysFrom(r.submittedOn, DEMO_TODAY) <= 120)).toBe(true);
    // Each was assessed on arrival, and the recommendations differ.
    expect(pending.every((r) => r.recommendation)).toBe(true);
    expect(new Set(pending.map((r) => r.recommendation))).toEqual(new Set(['ACCEPT', 'DECLINE']));
    expect(new Set(coming.map((r) => r.regionCode)).size).toBeGreaterThanOrEqual(10);
  });

  it('has visits to the same southern region within 14 days of each other in at least five regions', () => {
    const regions = overlapRegions(requests, DEMO_TODAY);
    expect(regions.length).toBeGreaterThanOrEqual(5);
    expect(new Set(regions.map((r) => r.slice(0, 2))).size).toBeGreaterThanOrEqual(4);
  });

  it('has accepted requests for the coming year with scheduled missions and planned preparation', () => {
    const accepted = requests.filter((r) => r.status === 'ACCEPTED' && r.startDate > DEMO_TODAY);
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    const scheduled = new Set(
      history.events
        .filter((e) => e.type === 'MissionScheduled')
        .map((e) => (e.data as { missionId: string }).missionId),
    );
    expect(accepted.every((r) => scheduled.has(r.missionId!))).toBe(true);
    const planned = history.events.filter(
      (e) => e.type === 'MissionActivityPlanned' && accepted.some((r) => r.missionId === e.data.missionId),
    );
    expect(
      planned.some(
        (e) => e.type === 'MissionActivityPlanned' && Activities.get(e.data.activity).phase === 'PREPARATION',
      ),
    ).toBe(true);
    // Recent decisions: some declined, one or two withdrawn.
    const recent = requests.filter((r) => r.decidedOn && daysFrom(r.decidedOn, DEMO_TODAY) <= 90);
    expect(recent.some((r) => r.status === 'DECLINED')).toBe(true);
    expect(recent.some((r) => r.status === 'WITHDRAWN')).toBe(true);
  });

  it('ends with a planning round: joint missions proposed, one approved into one mission, one rejected, and regional events', () => {
    const of = (type: string) => history.events.filter((e) => e.type === type);
    expect(of('JointMissionProposed').length).toBeGreaterThanOrEqual(3);
    expect(of('JointMissionRejected')).toHaveLength(1);
    const [approved] = of('JointMissionApproved') as Extract<Stored, { type: 'JointMissionApproved' }>[];
    expect(approved).toBeDefined();
    const mission = history.events.find(
      (e) => e.type === 'MissionScheduled' && e.data.missionId === approved!.data.missionId,
    ) as Extract<Stored, { type: 'MissionScheduled' }>;
    expect(mission.data.jointMissionId).toBe(approved!.data.jointMissionId);
    expect(new Set(mission.data.nisCodes).size).toBeGreaterThanOrEqual(2);
    const served = requests.filter((r) => mission.data.requestIds.includes(r.requestId));
    expect(served.every((r) => r.status === 'ACCEPTED' && r.missionId === mission.data.missionId)).toBe(true);
    expect(approved!.metadata.actor.role).toBe('MANAGEMENT');
    expect(of('RegionalEventProposed').length).toBeGreaterThanOrEqual(2);
    expect(of('RegionalEventApproved')).toHaveLength(1);
  });

  it('declares staff capacity and allocates budget for this year and the next', () => {
    const years = (type: 'BudgetAllocated' | 'StaffCapacityDeclared') =>
      new Set(history.events.filter((e) => e.type === type).map((e) => (e.data as { year: number }).year));
    expect([...years('BudgetAllocated')]).toEqual(expect.arrayContaining([2026, 2027]));
    expect([...years('StaffCapacityDeclared')]).toEqual(expect.arrayContaining([2026, 2027]));
  });
});

describe('the pipeline on a later day', () => {
  it('ends on any today with requests for the twelve months after it, and resources for that year and the next', async () => {
    const today = '2027-06-15';
    const { events } = await generate(today);
    expect(events.every((e) => e.metadata.occurredAt.slice(0, 10) <= today)).toBe(true);
    const requests = requestsOf(events);
    const pending = requests.filter((r) => r.status === 'SUBMITTED' && r.startDate > today);
    expect(pending.length).toBeGreaterThanOrEqual(40);
    expect(pending.some((r) => r.startDate >= '2028-01-01')).toBe(true);
    expect(overlapRegions(requests, today).length).toBeGreaterThanOrEqual(5);
    const budgetYears = new Set(
      events.filter((e) => e.type === 'BudgetAllocated').map((e) => (e.data as { year: number }).year),
    );
    const capacityYears = new Set(
      events.filter((e) => e.type === 'StaffCapacityDeclared').map((e) => (e.data as { year: number }).year),
    );
    expect([...budgetYears]).toEqual(expect.arrayContaining([2027, 2028]));
    expect([...capacityYears]).toEqual(expect.arrayContaining([2027, 2028]));
  }, 60_000);

  it('starts on a day when the year’s budget no longer covers the regional workshop: management rejects it instead of the start failing', async () => {
    // `pnpm start` loads the demo history up to the day it runs; on this day the workshop's year had too little left.
    const { events } = await generate('2026-06-01');
    const decided = events.filter((e) => e.type === 'RegionalEventApproved' || e.type === 'RegionalEventRejected');
    expect(decided.map((e) => e.type)).toEqual(['RegionalEventRejected']);
    expect((decided[0]!.data as { reason: string }).reason).toMatch(/budget of de personeelsdagen/);
  }, 60_000);
});

describe('the invitations of a regional event', () => {
  const nis = (i: number) => String(10_000 + i);
  it('invites every municipality of a small region, in NIS-code order', () => {
    const twinnings = [nis(3), nis(1), nis(2), nis(1)].map((nisCode) => ({ nisCode, policyDomains: [] }));
    expect(invitees(twinnings, 'WATER')).toEqual([nis(1), nis(2), nis(3)]);
  });

  it('invites at most as many as one event takes, those working on its theme first (a scale-180 region holds more)', () => {
    const twinnings = Array.from({ length: 150 }, (_, i) => ({
      nisCode: nis(i),
      policyDomains: i % 3 === 0 ? (['WATER'] as const) : (['WASTE_MANAGEMENT'] as const),
    }));
    const invited = invitees(twinnings, 'WATER');
    expect(invited).toHaveLength(MAX_INVITED_MUNICIPALITIES);
    expect(invited).toEqual([...invited].sort());
    for (let i = 0; i < 150; i += 3) expect(invited).toContain(nis(i));
  });
});

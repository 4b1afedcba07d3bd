import { MemoryEventStore } from '@werkbezoek/eventstore';
import {
  DeclineReasons,
  MissionTypes,
  werkbezoekCatalogue,
  type RecordedEvent,
  type WerkbezoekEvent,
} from '@werkbezoek/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoHistory, type DemoOptions, type DemoSummary } from './generator.js';

type Stored = RecordedEvent<WerkbezoekEvent>;

async function generate(options: Omit<DemoOptions, 'store'>): Promise<{ summary: DemoSummary; events: Stored[] }> {
  const store = new MemoryEventStore();
  const summary = await generateDemoHistory({ store, ...options });
  const events: Stored[] = [];
  for await (const e of store.readAll()) events.push(e as Stored);
  return { summary, events };
}

const ofType = <T extends WerkbezoekEvent['type']>(events: readonly Stored[], type: T) =>
  events.filter((e): e is Extract<Stored, { type: T }> => e.type === type);

let first: { summary: DemoSummary; events: Stored[] };
let second: { summary: DemoSummary; events: Stored[] };

beforeAll(async () => {
  first = await generate({ seed: 1, scale: 1 });
  second = await generate({ seed: 1, scale: 1 });
}, 60_000);

describe('the demo history at scale 1', () => {
  it('is deterministic: the same seed and scale give the same events, with the same ids and times', () => {
    const project = (e: Stored) => [e.streamId, e.type, e.data, e.metadata.eventId, e.metadata.occurredAt];
    expect(first.events.length).toBeGreaterThan(3000);
    expect(second.events.map(project)).toEqual(first.events.map(project));
    expect(second.summary).toEqual(first.summary);
  });

  it('stores only events that validate against the catalogue, with unique ids', () => {
    for (const e of first.events) expect(() => werkbezoekCatalogue.validate(e.type, e.data)).not.toThrow();
    expect(new Set(first.events.map((e) => e.metadata.eventId)).size).toBe(first.events.length);
  });

  it('covers requests of every mission type and decisions of every kind', () => {
    const events = first.events;
    const types = new Set(ofType(events, 'AccompanimentRequestSubmitted').map((e) => e.data.missionType));
    expect([...types].sort()).toEqual([...MissionTypes.codes].sort());
    const reasons = new Set(ofType(events, 'AccompanimentDeclined').map((e) => e.data.reason));
    expect([...reasons].sort()).toEqual([...DeclineReasons.codes].sort());
    expect(ofType(events, 'AccompanimentAccepted').length).toBeGreaterThan(50);
    expect(ofType(events, 'AccompanimentRequestWithdrawn').length).toBeGreaterThan(0);
    expect(ofType(events, 'AccompanimentRequestAmended').length).toBeGreaterThan(0);
    expect(ofType(events, 'AccompanimentAdvised').length).toBeGreaterThan(0);
    expect(ofType(events, 'ContactLogged').length).toBeGreaterThan(0);
    expect(ofType(events, 'TwinningActorChanged').length).toBeGreaterThan(0);
  });

  it('sometimes decides against the recorded recommendation', () => {
    const latest = new Map<string, { recommendation: string; declineReason?: string | undefined }>();
    let agree = 0;
    let disagree = 0;
    for (const e of first.events) {
      if (e.type === 'AccompanimentRequestAssessed') latest.set(e.data.requestId, e.data);
      if (e.type === 'AccompanimentAccepted' || e.type === 'AccompanimentDeclined') {
        const advice = latest.get(e.data.requestId)!;
        const same =
          e.type === 'AccompanimentAccepted'
            ? advice.recommendation === 'ACCEPT'
            : advice.recommendation === 'DECLINE' && advice.declineReason === e.data.reason;
        if (same) agree++;
        else disagree++;
      }
    }
    expect(agree).toBeGreaterThan(disagree * 3);
    expect(disagree).toBeGreaterThan(5);
    expect({ agree, disagree }).toEqual({
      agree: first.summary.decisions.followedRecommendation,
      disagree: first.summary.decisions.againstRecommendation,
    });
  });

  it('runs missions through activities, reports and completion, and cancels some', () => {
    const events = first.events;
    expect(ofType(events, 'MissionCompleted').length).toBeGreaterThan(50);
    expect(ofType(events, 'MissionCancelled').length).toBeGreaterThan(0);
    expect(ofType(events, 'MissionReportFiled').length).toBeGreaterThan(0);
    const activities = new Set(ofType(events, 'MissionActivityPlanned').map((e) => e.data.activity));
    expect(activities.size).toBe(13);
    expect(ofType(events, 'MissionActivityDone').length).toBeGreaterThan(0);
    expect(ofType(events, 'CostRecorded').length).toBeGreaterThan(0);
    expect(ofType(events, 'StaffDaysReleased').length).toBeGreaterThan(0);
  });

  it('learns lessons in Dutch and English, promotes some to good practice, edits and retracts a few', () => {
    const events = first.events;
    const lessons = ofType(events, 'LessonRecorded');
    expect(new Set(lessons.map((e) => e.data.language))).toEqual(new Set(['nl', 'en']));
    expect(new Set(lessons.map((e) => e.data.level))).toEqual(new Set(['PROCESS', 'RESULTS']));
    expect(lessons.every((e) => e.data.sdgs.length > 0 && e.data.dacCriteria.length > 0)).toBe(true);
    expect(ofType(events, 'LessonPromotedToGoodPractice').length).toBeGreaterThan(5);
    expect(ofType(events, 'LessonEdited').length).toBeGreaterThan(0);
    expect(ofType(events, 'LessonRetracted').length).toBeGreaterThan(0);
  });

  it('writes lessons as different teams would: different findings and places, no waste lesson title twice', () => {
    const dutch = ofType(first.events, 'LessonRecorded').filter(
      (e) => e.data.language === 'nl' && !e.data.title.match(/missie|delegatie|colleague|oppositie|terugkomavond/i),
    );
    const byDomain = new Map<string, string[]>();
    for (const e of dutch)
      byDomain.set(e.data.policyDomains[0]!, [...(byDomain.get(e.data.policyDomains[0]!) ?? []), e.data.title]);
    // A catalogue search for "afval" (waste) answers different lessons, not one title three times.
    const waste = byDomain.get('WASTE_MANAGEMENT') ?? [];
    expect(waste.length).toBeGreaterThan(4);
    expect(new Set(waste).size).toBe(waste.length);
    const titles = dutch.map((e) => e.data.title);
    expect(new Set(titles).size / titles.length).toBeGreaterThan(0.85);
    expect(new Set(dutch.map((e) => e.data.body)).size / dutch.length).toBeGreaterThan(0.9);
  });

  it('has regional clusters: a southern region with at least three Flemish municipalities', () => {
    const byRegion = new Map<string, Set<string>>();
    for (const e of ofType(first.events, 'TwinningEstablished')) {
      byRegion.set(e.data.regionCode, (byRegion.get(e.data.regionCode) ?? new Set()).add(e.data.nisCode));
    }
    const clusters = [...byRegion].filter(([, nis]) => nis.size >= 3).map(([region]) => region);
    expect(clusters).toEqual(expect.arrayContaining(['BJ-ZO', 'ZA-WC']));
    expect(Object.keys(first.summary.regionalClusters).sort()).toEqual([...clusters].sort());
  });

  it('uses the real twinnings with their NIS codes', () => {
    const established = ofType(first.events, 'TwinningEstablished').map((e) => e.data);
    expect(established).toContainEqual(
      expect.objectContaining({ nisCode: '11055', partnerName: 'Bohicon', regionCode: 'BJ-ZO' }),
    );
    expect(established).toContainEqual(
      expect.objectContaining({ nisCode: '44043', partnerName: 'Toucountouna', regionCode: 'BJ-AK' }),
    );
    expect(established.length).toBeGreaterThanOrEqual(40);
  });

  it('keeps time: nothing after today, requests before their visits, completions after them', () => {
    const events = first.events;
    expect(events.every((e) => e.metadata.occurredAt.slice(0, 10) <= DEMO_TODAY)).toBe(true);
    for (const e of ofType(events, 'AccompanimentRequestSubmitted')) {
      expect(e.metadata.occurredAt.slice(0, 10) < e.data.startDate).toBe(true);
    }
    const ends = new Map(ofType(events, 'MissionScheduled').map((e) => [e.data.missionId, e.data.endDate]));
    for (const e of ofType(events, 'MissionCompleted')) {
      expect(e.data.completedOn >= ends.get(e.data.missionId)!).toBe(true);
    }
    // Peru's federal funding stopped at the end of 2019: no requests for visits there afterwards.
    const peru = ofType(events, 'TwinningEstablished').find((e) => e.data.countryCode === 'PE')!.data.twinningId;
    const late = ofType(events, 'AccompanimentRequestSubmitted').filter(
      (e) => e.data.twinningId === peru && e.data.startDate >= '2020-01-01',
    );
    expect(late).toEqual([]);
  });
});

describe('the seed', () => {
  it('changes the history', async () => {
    const a = await generate({ seed: 1, today: '2017-09-30', countEventTypes: false });
    const b = await generate({ seed: 2, today: '2017-09-30', countEventTypes: false });
    const project = (e: Stored) => [e.type, e.data];
    expect(b.events.map(project)).not.toEqual(a.events.map(project));
  });
});

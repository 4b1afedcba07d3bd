import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { BOHICON, World, expectRefused } from './scenario.js';

/*
 * What the web UI asks before anything else: who is signed in and what that
 * role may do.
 */

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.close());

const VIEWER = `{ viewer { role nisCode municipalityName displayName allowedMutations } }`;

describe('viewer', () => {
  it("answers a coordinator's municipality and the mutations a coordinator may call", async () => {
    const { viewer } = await world.run<{ viewer: unknown }>(tokens.zoersel, VIEWER);
    expect(viewer).toEqual({
      role: 'COORDINATOR',
      nisCode: '11055',
      municipalityName: 'Zoersel',
      displayName: 'Demo coordinator 11055',
      allowedMutations: ['submitAccompanimentRequest', 'amendAccompanimentRequest', 'withdrawAccompanimentRequest'],
    });
  });

  it('answers no municipality for other roles, and their own mutations', async () => {
    const management = await world.run<{ viewer: unknown }>(tokens.management, VIEWER);
    expect(management.viewer).toEqual({
      role: 'MANAGEMENT',
      nisCode: null,
      municipalityName: null,
      displayName: 'Demo management',
      allowedMutations: [
        'allocateBudget',
        'approveJointMission',
        'rejectJointMission',
        'approveRegionalEvent',
        'rejectRegionalEvent',
        'eraseDataSubject',
        'cancelDataSubjectErasure',
      ],
    });
    const planner = await world.run<{ viewer: { allowedMutations: string[] } }>(tokens.planner, VIEWER);
    expect(planner.viewer.allowedMutations).toEqual([
      'proposeJointMission',
      'amendJointMission',
      'proposeRegionalEvent',
      'amendRegionalEvent',
    ]);
    const staff = await world.run<{ viewer: { allowedMutations: string[] } }>(tokens.staff, VIEWER);
    expect(staff.viewer.allowedMutations).toEqual(expect.arrayContaining(['decideAccompaniment', 'recordLesson']));
    expect(staff.viewer.allowedMutations).not.toContain('submitAccompanimentRequest');
  });

  it('needs a token', async () => {
    expectRefused(await world.send(undefined, VIEWER), 'UNAUTHENTICATED');
  });
});

const VOCABULARIES = `{ vocabularies {
  missionTypes { code rank label { nl en } }
  additionalReasons { code derivable label { nl en } }
  declineReasons { code label { nl en } }
  decisions { code label { nl en } }
  requestStatuses { code label { nl en } }
  activities { code phase label { nl en } }
  phases { code label { nl en } }
  lessonLevels { code label { nl en } }
  roles { code label { nl en } }
  policyDomains { code label { nl en } }
  regions { code countryCode label { nl en } }
} }`;

interface Entry {
  code: string;
  label: { nl: string; en: string };
  [k: string]: unknown;
}

describe('vocabularies', () => {
  it('labels every vocabulary in Dutch and English, for every role', async () => {
    const { vocabularies: v } = await world.run<{ vocabularies: Record<string, Entry[]> }>(
      tokens.zoersel,
      VOCABULARIES,
    );
    expect(v.missionTypes![0]).toEqual({
      code: 'IDENTIFICATION',
      rank: 1,
      label: { nl: 'Identificatiemissie', en: 'Identification mission' },
    });
    expect(v.additionalReasons!.filter((r) => r.derivable).map((r) => r.code)).toEqual([
      'ACTOR_RENEWAL',
      'FOLLOW_UP',
      'COMBINED_VISITS',
    ]);
    expect(v.requestStatuses!.map((s) => `${s.code} ${s.label.nl}/${s.label.en}`)).toEqual([
      'SUBMITTED Ingediend/Submitted',
      'ACCEPTED Aanvaard/Accepted',
      'DECLINED Geweigerd/Declined',
      'WITHDRAWN Ingetrokken/Withdrawn',
      'COMPLETED Afgerond/Completed',
    ]);
    expect(v.declineReasons!.map((r) => r.code)).toEqual(['NOT_OPPORTUNE', 'NO_STAFF_TIME', 'NO_BUDGET']);
    expect(v.activities!.length).toBe(13);
    expect(v.activities![0]!.phase).toBe('PREPARATION');
    expect(v.phases!.map((p) => p.code)).toEqual(['PREPARATION', 'DURING', 'PROCESSING']);
    expect(v.roles!.map((r) => r.code)).toContain('COORDINATOR');
    expect(v.lessonLevels!.length).toBeGreaterThan(0);
    const { policyDomains } = await world.run<{ policyDomains: Entry[] }>(
      tokens.analyst,
      `{ policyDomains { code label { nl en } } }`,
    );
    expect(v.policyDomains).toEqual(policyDomains);
    for (const list of Object.values(v)) for (const e of list) expect(e.label.nl && e.label.en).toBeTruthy();
  });

  it("names the programme countries' regions, and any other region a twinning lies in", async () => {
    await world.establishTwinning('11055', { partnerName: 'Kinshasa', countryCode: 'CD', regionCode: 'CD-KN' });
    const { vocabularies: v } = await world.run<{ vocabularies: { regions: (Entry & { countryCode: string })[] } }>(
      tokens.planner,
      `{ vocabularies { regions { code countryCode label { nl en } } } }`,
    );
    const byCode = new Map(v.regions.map((r) => [r.code, r]));
    expect(byCode.get(BOHICON.regionCode)).toEqual({
      code: 'BJ-ZO',
      countryCode: 'BJ',
      label: { nl: 'Zou', en: 'Zou' },
    });
    expect(byCode.get('ZA-KZN')?.label).toEqual({ nl: 'KwaZoeloe-Natal', en: 'KwaZulu-Natal' });
    expect(byCode.get('RW-02')?.label).toEqual({ nl: 'Oostelijke Provincie', en: 'Eastern Province' });
    expect(byCode.get('CD-KN')).toMatchObject({ countryCode: 'CD', label: { nl: 'Kinshasa', en: 'Kinshasa' } });
    expect(v.regions.filter((r) => r.countryCode === 'SN')).toHaveLength(14);
    expect(new Set(v.regions.map((r) => r.code)).size).toBe(v.regions.length);
  });

  it('needs a token', async () => {
    expectRefused(await world.send(undefined, `{ vocabularies { roles { code } } }`), 'UNAUTHENTICATED');
  });
});

describe('readModelPosition', () => {
  it('moves past a mutation once the read models show it, for every role', async () => {
    const position = async (token: string) =>
      BigInt((await world.run<{ readModelPosition: string }>(token, `{ readModelPosition }`)).readModelPosition);
    const before = await position(tokens.zoersel);
    expect(before).toBeGreaterThan(0n);
    expect(await position(tokens.analyst)).toBe(before);
    await world.submit();
    const after = await position(tokens.planner);
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(await world.head());
  });

  it('needs a token', async () => {
    expectRefused(await world.send(undefined, `{ readModelPosition }`), 'UNAUTHENTICATED');
  });
});

describe('capacitySummary', () => {
  const SUMMARY = `query($from: Int!, $to: Int!) { capacitySummary(fromYear: $from, toYear: $to) {
    year declaredDays bookedDays usedDays freeDays } }`;

  it("sums every staff member's capacity, year by year", async () => {
    await world.registerStaffMember('Bart Claes', 35);
    await world.mission();
    const { capacitySummary } = await world.run<{ capacitySummary: Record<string, number>[] }>(
      tokens.management,
      SUMMARY,
      { from: 2025, to: 2027 },
    );
    expect(capacitySummary.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const summary of capacitySummary) {
      const { staffCapacity } = await world.run<{ staffCapacity: Record<string, number>[] }>(
        tokens.analyst,
        `query($year: Int!) { staffCapacity(year: $year) { declaredDays bookedDays usedDays freeDays } }`,
        { year: summary.year },
      );
      const sum = (field: string) => staffCapacity.reduce((n, s) => n + s[field]!, 0);
      expect(summary).toEqual({
        year: summary.year,
        declaredDays: sum('declaredDays'),
        bookedDays: sum('bookedDays'),
        usedDays: sum('usedDays'),
        freeDays: sum('freeDays'),
      });
    }
    expect(capacitySummary[1]).toMatchObject({ declaredDays: 95 });
    expect(capacitySummary[1]!.bookedDays).toBeGreaterThan(0);
  });

  it('is for management, planners, analysts and staff', async () => {
    for (const token of [tokens.planner, tokens.staff]) await world.run(token, SUMMARY, { from: 2026, to: 2026 });
    expectRefused(await world.send(tokens.zoersel, SUMMARY, { from: 2026, to: 2026 }), 'FORBIDDEN');
  });

  it('refuses a range in the wrong order or too long, naming the field', async () => {
    expectRefused(await world.send(tokens.analyst, SUMMARY, { from: 2027, to: 2026 }), 'BAD_USER_INPUT', /toYear/, [
      'toYear',
    ]);
    expectRefused(await world.send(tokens.analyst, SUMMARY, { from: 2000, to: 2100 }), 'BAD_USER_INPUT', /at most/, [
      'toYear',
    ]);
  });
});

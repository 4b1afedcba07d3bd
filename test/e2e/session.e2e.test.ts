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
      allowedMutations: ['allocateBudget'],
    });
    const planner = await world.run<{ viewer: { allowedMutations: string[] } }>(tokens.planner, VIEWER);
    expect(planner.viewer.allowedMutations).toEqual([]);
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

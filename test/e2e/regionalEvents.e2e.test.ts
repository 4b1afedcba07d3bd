import { addDays, addMonths } from '@werkbezoek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

/*
 * Proactive regional events (issue 12) over the demo history: its twinnings,
 * its accompaniment history and its lessons. As in planner.e2e.test.ts the
 * clock is set to the day the platform loaded the history up to.
 */

interface Suggestion {
  kind: 'CONFERENCE' | 'WORKSHOP' | 'SOUTH_SOUTH_EXCHANGE';
  scopeKind: 'REGION' | 'COUNTRY';
  scopeCode: string;
  countryCode: string;
  regionCodes: string[];
  triggers: {
    kind: 'NO_RECENT_ACCOMPANIMENT' | 'SHARED_PROBLEM';
    activeTwinnings: number | null;
    lastAccompaniedOn: string | null;
    monthsSinceLastAccompaniment: number | null;
    policyDomain: string | null;
    level: string | null;
    regionCodes: string[];
    municipalities: { nisCode: string; name: string | null }[];
    lessons: { lessonId: string; title: string; recordedOn: string }[];
  }[];
  invitees: { nisCode: string; name: string | null }[];
  themes: string[];
  goodPractices: {
    lessonId: string;
    title: string;
    regionCode: string | null;
    policyDomains: string[];
    source: string;
  }[];
  startDate: string;
  endDate: string;
  days: number;
  participants: number;
  travelCostEur: number;
  allowanceCostEur: number;
  organisationCostEur: number;
  estimatedCostEur: number;
  monthsSinceLastAccompaniment: number | null;
  why: { nl: string; en: string };
}

const query = `query Suggestions($from: LocalDate!, $to: LocalDate!) {
  regionalEventSuggestions(from: $from, to: $to) {
    kind scopeKind scopeCode countryCode regionCodes
    triggers {
      kind activeTwinnings lastAccompaniedOn monthsSinceLastAccompaniment policyDomain level regionCodes
      municipalities { nisCode name }
      lessons { lessonId title recordedOn }
    }
    invitees { nisCode name }
    themes
    goodPractices { lessonId title regionCode policyDomains source }
    startDate endDate days participants
    travelCostEur allowanceCostEur organisationCostEur estimatedCostEur
    monthsSinceLastAccompaniment
    why { nl en }
  }
}`;

let live: LivePlatform;
const today = new Date().toISOString().slice(0, 10);
const nextYear = { from: today, to: addMonths(today, 12) };

beforeAll(async () => {
  live = await livePlatform({ demoData: true });
  live.setToday(today);
}, 180_000);
afterAll(() => live?.close());

const suggestions = async (token: string, variables: Record<string, unknown>) => {
  const response = await live.gql<{ regionalEventSuggestions: Suggestion[] }>(token, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.regionalEventSuggestions;
};

describe('regionalEventSuggestions', () => {
  it('suggests, for the next 12 months, events where the rules hold, explained in Dutch and English', async () => {
    const found = await suggestions(tokens.planner, nextYear);
    expect(found.length).toBeGreaterThan(0);
    const lessonsSince = addMonths(today, -24);
    for (const s of found) {
      expect(s.triggers.length).toBeGreaterThan(0);
      const dormant = s.triggers.find((t) => t.kind === 'NO_RECENT_ACCOMPANIMENT');
      const shared = s.triggers.filter((t) => t.kind === 'SHARED_PROBLEM');
      // At least three invitees where VVSG has been away, or two municipalities sharing a problem.
      if (dormant) {
        expect(s.kind).toBe('CONFERENCE');
        expect(s.invitees.length).toBeGreaterThanOrEqual(3);
        expect(dormant.activeTwinnings).toBeGreaterThanOrEqual(3);
        if (dormant.monthsSinceLastAccompaniment !== null)
          expect(dormant.monthsSinceLastAccompaniment).toBeGreaterThanOrEqual(12);
      } else {
        expect(shared.length).toBeGreaterThan(0);
      }
      for (const t of shared) {
        expect(t.municipalities.length).toBeGreaterThanOrEqual(2);
        expect(s.themes).toContain(t.policyDomain);
        for (const l of t.lessons) expect(l.recordedOn >= lessonsSince && l.recordedOn <= today).toBe(true);
      }
      if (s.kind === 'SOUTH_SOUTH_EXCHANGE') expect(s.regionCodes.length).toBeGreaterThan(1);
      expect(s.regionCodes.every((r) => r.startsWith(`${s.countryCode}-`))).toBe(true);
      expect(s.invitees.length).toBeGreaterThan(0);
      expect(s.startDate >= nextYear.from && s.endDate <= nextYear.to).toBe(true);
      expect(s.estimatedCostEur).toBeCloseTo(s.travelCostEur + s.allowanceCostEur + s.organisationCostEur, 2);
      expect(s.why.en).toContain('estimated cost');
      expect(s.why.nl).toContain('geschatte kost');
      expect(s.why.en).not.toBe(s.why.nl);
    }
    const invited = found.map((s) => s.invitees.length);
    expect(invited).toEqual([...invited].sort((a, b) => b - a));
  });

  it('invites municipalities with an active twinning in the regions of the event', async () => {
    const found = await suggestions(tokens.planner, nextYear);
    const response = await live.gql<{ twinnings: { nisCode: string; regionCode: string; active: boolean }[] }>(
      tokens.planner,
      `{ twinnings { nisCode regionCode active } }`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const active = response.data!.twinnings.filter((t) => t.active);
    for (const s of found) {
      const expected = [...new Set(active.filter((t) => s.regionCodes.includes(t.regionCode)).map((t) => t.nisCode))];
      expect(s.invitees.map((m) => m.nisCode).sort()).toEqual(expected.sort());
    }
  });

  it('is for planners, management and staff; coordinators and analysts are refused', async () => {
    for (const token of [tokens.management, tokens.staff]) {
      expect((await suggestions(token, nextYear)).length).toBeGreaterThan(0);
    }
    for (const token of [tokens.zoersel, tokens.analyst]) {
      const response = await live.gql(token, query, nextYear);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
  });

  it.each([
    ['from after to', { from: addDays(today, 1), to: today }, 'from'],
    ['a period longer than 2 years', { from: today, to: addDays(addMonths(today, 24), 1) }, 'to'],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const response = await live.gql(tokens.planner, query, variables);
    const error = response.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields).toContain(field);
    expect(error?.message).toContain(field);
  });

  it('answers a malformed date as a bad input', async () => {
    const response = await live.gql(tokens.planner, query, { from: '2026-13-01', to: today });
    expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
  });
});

describe('once the planner takes a suggestion up', () => {
  it('no longer suggests it, and suggests the others still', async () => {
    const before = await suggestions(tokens.planner, nextYear);
    const [taken, ...others] = before;
    expect(taken).toBeDefined();
    const proposed = await live.gql(
      tokens.planner,
      `mutation($input: ProposeRegionalEventInput!) { proposeRegionalEvent(input: $input) { id status } }`,
      {
        input: {
          kind: taken!.kind,
          title: 'Overgenomen suggestie',
          countryCode: taken!.countryCode,
          regionCodes: taken!.regionCodes,
          startDate: taken!.startDate,
          endDate: taken!.endDate,
          themes: taken!.themes,
          invitedNisCodes: taken!.invitees.map((i) => i.nisCode),
        },
      },
    );
    expect(proposed.errors, JSON.stringify(proposed.errors)).toBeUndefined();
    const after = await suggestions(tokens.planner, nextYear);
    const key = (x: Suggestion) => `${x.kind} ${x.regionCodes.join()} ${x.themes[0] ?? ''}`;
    expect(after.map(key)).not.toContain(key(taken!));
    for (const o of others) {
      const covered =
        taken!.regionCodes.length > 0 &&
        o.regionCodes.every((r) => taken!.regionCodes.includes(r)) &&
        taken!.themes.includes(o.themes[0]!);
      if (!covered) expect(after.map(key)).toContain(key(o));
    }
  });
});
